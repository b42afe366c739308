package program

import (
	"go/ast"
	"go/types"
)

// makeDirectional makes a channel of a receive-only or send-only type as a
// bidirectional one, converted to the type:
//
//	make(Recv)          (Recv)(make(chan int))
//	make(chan<- int, 1) (chan<- int)(make(chan int, 1))
//
// Go makes such a channel (no one can send on it, or receive from it:
// the type's point is elsewhere, Go's test/typeparam/append.go); the
// interpreter's reflect.MakeChan panicked: "reflect.MakeChan:
// unidirectional channel type".
func (g *gen) makeDirectional() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 || !g.isBuiltinNamed(call.Fun, "make") {
			return true
		}
		ch, ok := g.c.info.TypeOf(call.Args[0]).Underlying().(*types.Chan)
		if !ok || ch.Dir() == types.SendRecv {
			return true
		}
		elem, ok := g.localType(ch.Elem())
		if !ok {
			return true
		}
		g.r.Before(call, "("+g.r.Text(call.Args[0])+")(")
		g.r.Replace(call.Args[0], func() string { return "chan " + elem })
		g.r.After(call, ")")
		return true
	})
}
