package program

import (
	"go/ast"
	"go/types"
)

// conversionReceivers passes a value converted to one of the notebook's
// interfaces, and at once the receiver of a method, through a function:
//
//	Shape(&Sq{2}).Area()    becomes    func(__goconc_i Shape) Shape { return __goconc_i }(&Sq{2}).Area()
//
// Yaegi's conversion made no box the method call could use: the cell
// panicked with "invalid interface value {2}" (Go's
// test/fixedbugs/issue57309.go). The converted value assigned, passed or
// returned is right, as the parameter is.
func (g *gen) conversionReceivers() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if s := g.c.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return true
		}
		conv, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok || len(conv.Args) != 1 || !g.c.info.Types[conv.Fun].IsType() {
			return true
		}
		t := g.c.info.TypeOf(conv)
		if !interpretedInterface(t) {
			return true
		}
		typ, ok := g.localType(t)
		if !ok {
			return true
		}
		param := g.r.Temp("i")
		g.r.Replace(conv.Fun, func() string {
			return "func(" + param + " " + typ + ") " + typ + " { return " + param + " }"
		})
		return true
	})
}
