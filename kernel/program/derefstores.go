package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// derefFirst dereferences a pointer that a map element is assigned from
// in a statement of its own, before the assignment:
//
//	m[k] = *p        { __goconc_d1 := *p; m[k] = __goconc_d1 }
//
// Yaegi's *p of a nil pointer is reflect's zero Value, not a panic, and a
// map element set to the zero Value is deleted: the statement did nothing,
// silently, where Go panics (Go's test/fixedbugs/issue22881.go). Assigned
// to a variable, the zero Value panics.
func (g *gen) derefFirst() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		list := stmtList(n)
		for _, s := range list {
			as, ok := s.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			ix, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
			if !ok {
				continue
			}
			if _, isMap := g.c.info.TypeOf(ix.X).Underlying().(*types.Map); !isMap {
				continue
			}
			if star, ok := ast.Unparen(as.Rhs[0]).(*ast.StarExpr); ok && !g.c.info.Types[star].IsType() {
				tmp := g.r.Temp("d")
				g.r.Replace(as, func() string {
					return "{ " + tmp + " := " + g.r.Source(as.Rhs[0]) + "; " + g.r.Source(as.Lhs[0]) + " = " + tmp + " }"
				})
			}
		}
		return true
	})
}
