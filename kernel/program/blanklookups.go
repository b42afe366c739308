package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// blankLookups makes a lookup whose two results are discarded look the key
// up, in a map whose keys are of an interface type:
//
//	_, _ = m[k]    { __goconc_v1, __goconc_ok2 := m[k]; _, _ = __goconc_v1, __goconc_ok2 }
//
// Yaegi skipped the lookup, so a key of a type that cannot be hashed
// (m[[]int{}]) did not panic, where Go does (Go's
// test/fixedbugs/issue23734.go). A map of other keys cannot panic there:
// the statement is left alone.
func (g *gen) blankLookups() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 2 || len(as.Rhs) != 1 || !isBlank(as.Lhs[0]) || !isBlank(as.Lhs[1]) {
			return true
		}
		ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
		if !ok {
			return true
		}
		m, ok := underlyingOf(g.c.info.TypeOf(ix.X)).(*types.Map)
		if !ok || !types.IsInterface(m.Key()) {
			return true
		}
		v, found := g.r.Temp("v"), g.r.Temp("ok")
		g.r.Replace(as, func() string {
			return "{ " + v + ", " + found + " := " + g.r.Source(as.Rhs[0]) + "; _, _ = " + v + ", " + found + " }"
		})
		return true
	})
}
