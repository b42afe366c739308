package program

import (
	"go/ast"
	"go/types"
)

// keepResultBoxes hands compiled code the interpreter's box of a value
// that an interpreted call returns in an interface:
//
//	fmt.Printf("%T %v\n", f(), f()) // f returns an any holding a MyInt
//
// becomes
//
//	fmt.Printf("%T %v\n", []any{f()}[0], []any{f()}[0])
//
// Yaegi passes a call's result on to a compiled function without its box
// (a variable's it passes whole), so %T said int and Println did not call
// MyInt's String method. An element of a slice keeps its box. It runs
// after the rules that wrap arguments in hooks, so that the hooks get the
// element.
func (g *gen) keepResultBoxes() {
	if !g.hasBoxedTypes() {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if call, ok := n.(*ast.CallExpr); ok && g.compiled(call.Fun) {
			for _, arg := range call.Args {
				if g.interpretedResult(arg) {
					g.r.Before(arg, "[]any{")
					g.r.After(arg, "}[0]")
				}
			}
		}
		return true
	})
}

// interpretedResult reports whether e is a call of an interpreted function
// (the notebook's, a function value, or container/heap's lowered by
// heapCalls) whose one result is an interface that is not a compiled
// package's.
func (g *gen) interpretedResult(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || g.c.info.Types[call.Fun].IsType() {
		return false
	}
	if _, lowered := g.heapCall(call); g.compiled(call.Fun) && !lowered {
		return false
	}
	if _, builtin := g.callee(call.Fun).(*types.Builtin); builtin {
		return false
	}
	t := g.c.info.TypeOf(call)
	return t != nil && isInterface(t) && !compiledNamed(t)
}
