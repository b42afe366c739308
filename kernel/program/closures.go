package program

import (
	"go/ast"
)

// wrapClosures makes every function literal of a cell in a call of its own:
//
//	wg.Go(func() { work(i) })
//
// becomes
//
//	wg.Go(func() func() { return func() { work(i) } }())
//
// When a function literal returns, Yaegi v0.16.1 writes the variable slot
// the literal was made in back to what it held when the literal was made.
// If the literal was made in a loop and runs in another goroutine (wg.Go,
// errgroup's Go, time.AfterFunc, a go statement), that write can land
// between the loop's next making of the literal and its use, which then
// gets the previous iteration's function, or nil. Made inside a call of its
// own, a literal's slot belongs to that call, which nobody else uses.
//
// Literals that are called where they stand (func() { ... }(), defer
// func() { ... }()) run in the goroutine that made them and are left
// alone, but a deferred one that rewriteDefers makes at the defer, as a
// value (closesOverLoopVars).
// The function a go statement starts is a literal made by rewriteGo that
// never returns (see Evaluator.goExit).
func (g *gen) wrapClosures() {
	for _, fd := range g.rewritable() {
		calledInPlace := map[*ast.FuncLit]bool{}
		goCalls := map[*ast.CallExpr]bool{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.GoStmt:
				goCalls[x.Call] = true
			case *ast.DeferStmt:
				if g.closesOverLoopVars(fd.Body, x) {
					goCalls[x.Call] = true // made at the defer (rewriteDefers)
				}
			case *ast.CallExpr:
				if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok && !goCalls[x] {
					calledInPlace[lit] = true
				}
			case *ast.FuncLit:
				if !calledInPlace[x] {
					g.r.Before(x, "func() "+g.r.Text(x.Type)+" { return ")
					g.r.After(x, " }()")
				}
			}
			return true
		})
	}
}

// nameParams names the unnamed parameters of function literals "_":
//
//	func(int) int { time.Sleep(d); return 0 }
//
// becomes func(_ int) int { ... }. Yaegi v0.16.1 gives an unnamed
// parameter of a literal no slot of its own, so a call in the body writes
// over another value ("reflect.Set: value of type int is not assignable to
// type func(time.Duration)").
func (g *gen) nameParams() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if lit, ok := n.(*ast.FuncLit); ok && lit.Type.Params != nil {
			for _, f := range lit.Type.Params.List {
				if len(f.Names) == 0 {
					g.r.Before(f.Type, "_ ")
				}
			}
		}
		return true
	})
}
