package program

import (
	"go/ast"
	"go/types"
)

// nilInterfaceZeros writes the zero value of an interface type with
// methods as a conversion of nil:
//
//	rw = *new(ReadWriter)      rw = (ReadWriter)(nil)
//
// Yaegi's *new(I) of such a type is not nil: a package-level var rw
// ReadWriter, which a cell declares so, made r = rw give r != nil, and
// e = r panic (Go's test/interface/convert1.go).
func (g *gen) nilInterfaceZeros() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		star, ok := n.(*ast.StarExpr)
		if !ok {
			return true
		}
		call, ok := ast.Unparen(star.X).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !g.isBuiltinNamed(call.Fun, "new") {
			return true
		}
		t := g.c.info.TypeOf(call.Args[0])
		if t == nil || !types.IsInterface(t) || isEmptyInterface(t) {
			return true
		}
		if text, ok := g.localType(t); ok {
			g.r.Replace(star, func() string { return "(" + text + ")(nil)" })
		}
		return false
	})
}
