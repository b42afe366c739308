package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// derefArrayPointers writes the address of an element of an array reached
// through a pointer with the dereference Go leaves implicit:
//
//	&p[i]    &(*p)[i]      (p a *[10]int)
//
// Yaegi rejects the short form ("cannot take address of int", Go's
// test/nilptr2.go and test/convert4.go). Through a nil p both panic.
func (g *gen) derefArrayPointers() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		u, ok := n.(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return true
		}
		ix, ok := ast.Unparen(u.X).(*ast.IndexExpr)
		if !ok {
			return true
		}
		if t := g.c.info.TypeOf(ix.X); t != nil {
			if p, ok := t.Underlying().(*types.Pointer); ok {
				if _, ok := p.Elem().Underlying().(*types.Array); ok {
					g.r.Before(ix.X, "(*")
					g.r.After(ix.X, ")")
				}
			}
		}
		return true
	})
}
