package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// compareChannels converts the bidirectional channel of a comparison with
// a directional one to the other's type:
//
//	c == recvOnly    (<-chan int)(c) == recvOnly
//
// Go compares them (one is assignable to the other); Yaegi rejects the
// comparison ("mismatched types chan int and <-chan int", Go's
// test/cmp.go). The comparison is a function literal's result
// (compareConverted).
func (g *gen) compareChannels() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
			return true
		}
		x, xok := g.c.info.TypeOf(be.X).Underlying().(*types.Chan)
		y, yok := g.c.info.TypeOf(be.Y).Underlying().(*types.Chan)
		if !xok || !yok || x.Dir() == y.Dir() {
			return true
		}
		wrap, to := be.X, g.c.info.TypeOf(be.Y)
		if y.Dir() == types.SendRecv {
			wrap, to = be.Y, g.c.info.TypeOf(be.X)
		}
		typ, ok := g.localType(to)
		if !ok {
			return true
		}
		g.compareConverted(be, wrap, typ)
		return true
	})
}

// compareConverted writes the comparison be with its operand x converted
// to typ, as the result of a function literal: Yaegi took the
// conversion's value for the comparison's bool when it was an operand of
// || or && ("reflect: call of reflect.Value.Bool on chan Value").
func (g *gen) compareConverted(be *ast.BinaryExpr, x ast.Expr, typ string) {
	g.r.Before(be, "func() bool { return ")
	g.r.Before(x, "("+typ+")(")
	g.r.After(x, ")")
	g.r.After(be, " }()")
}
