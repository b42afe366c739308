package program

import (
	"go/ast"
)

// bindTypeSwitches names the value of a type switch that names none:
//
//	switch x.(type) { case *Job: ... }    switch __goconc_ts := x.(type) { case *Job: ... }
//
// Yaegi matches the cases of a switch without a name by the value's
// representation, and a notebook type's is not its own: a *Job or a
// struct of the notebook went to default, silently. With a name, it
// matches them by type.
func (g *gen) bindTypeSwitches() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		if es, ok := ts.Assign.(*ast.ExprStmt); ok {
			g.r.Before(es.X, g.r.Temp("ts")+" := ")
		}
		return true
	})
}
