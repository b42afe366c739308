package program

import (
	"go/ast"
	"slices"
)

// deferGuardName is the variable holding a function's deferGuard.
const deferGuardName = "__goconc_dg"

// guardDefers makes the deferred calls of a function that defers a call
// that panics (deferPanics), or more than one call (or in a loop) of which
// one recovers, run through a guard, so that the one that panics does not
// keep the others from running:
//
//	func f() {                              func f() { __goconc_dg := __goconc.DeferGuard(); defer func() { if __goconc_dg.Pending() { __goconc_dg.Raise(recover()) } }()
//		defer fmt.Println("deferred")           defer __goconc_dg.Run(func() { __f1(__a1) })   (__f1, __a1 evaluated at the defer)
//		defer func() { panic("second") }()      defer __goconc_dg.Run(func() { panic("second") })
//		panic("first")                          panic("first")
//	}                                       }
//
// Yaegi v0.16.1 stops running a frame's deferred calls at the first that
// panics: "deferred" was never printed (a lesson on defer and panic shows
// just that). The guard takes the panic and lets the next call run; a
// recover() directly in a later deferred function literal takes it, as
// Go's recover() takes the newest panic (guardTakes, written by
// rewriteBuiltins); Raise, deferred first, so run last, raises what none
// took, and tells the evaluator the frame's own panic, which it aborted:
// Go prints "panic: first" above "panic: second", even with one deferred
// call (the evaluator's deferguard.go). It returns the defer statements
// of the guarded functions.
func (g *gen) guardDefers(inRangeFunc map[*ast.DeferStmt]bool) map[*ast.DeferStmt]bool {
	guarded := map[*ast.DeferStmt]bool{}
	g.guardTakes = map[*ast.CallExpr]bool{}
	for _, fd := range g.rewritable() {
		ast.Inspect(fd, func(n ast.Node) bool {
			body := funcBody(n)
			if body == nil {
				return true
			}
			defers, inLoop := g.framesDefers(body, inRangeFunc)
			if !slices.ContainsFunc(defers, g.deferPanics) && (len(defers) < 2 && !inLoop || !g.recoversLater(defers)) {
				return true
			}
			g.prologue(body, " "+deferGuardName+" := "+HooksName+".DeferGuard(); defer func() { if "+deferGuardName+".Pending() { "+deferGuardName+".Raise(recover()) } }(); ")
			for _, ds := range defers {
				guarded[ds] = true
				if lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit); ok {
					ast.Inspect(lit.Body, func(m ast.Node) bool {
						if _, ok := m.(*ast.FuncLit); ok {
							return false
						}
						if call, ok := m.(*ast.CallExpr); ok && g.isBuiltinNamed(call.Fun, "recover") {
							g.guardTakes[call] = true
						}
						return true
					})
				}
			}
			return true
		})
	}
	return guarded
}

// deferPanics reports whether a deferred call is of a function literal, or
// of one of the notebook's functions, that calls panic itself. Only a
// function that defers such a call gets a guard: the guard costs a few
// microseconds a call (defer wg.Done() and defer mu.Unlock() in a worker
// called a hundred thousand times took 1 s, against 0.2 s), and a deferred
// call that panics otherwise (wg.Done() past zero) ends the program in Go
// too, unless a recover takes it.
func (g *gen) deferPanics(ds *ast.DeferStmt) bool {
	switch f := ast.Unparen(ds.Call.Fun).(type) {
	case *ast.FuncLit:
		return g.callsBuiltin(f.Body, "panic")
	case *ast.Ident, *ast.SelectorExpr:
		fn := g.calledFunc(ds.Call)
		if fn == nil || fn.Pkg() != g.c.pkg {
			return false
		}
		for _, d := range g.c.file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && g.c.info.Defs[fd.Name] == fn {
				return g.callsBuiltin(fd.Body, "panic")
			}
		}
		return g.declCalls(fn, "panic")
	}
	return false
}

// recoversLater reports whether a deferred call that recovers is
// deferred before another: it runs after it, and in Go takes the panic of
// any call deferred after it (defer i.M() with i holding a nil pointer,
// Go's test/fixedbugs/issue52072.go), which Yaegi's frame never let it
// run for. Such a function pays for the guard whatever its calls.
func (g *gen) recoversLater(defers []*ast.DeferStmt) bool {
	for _, ds := range defers[:max(len(defers)-1, 0)] {
		if lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit); ok && g.callsBuiltin(lit.Body, "recover") || g.mayRecover(ds.Call) {
			return true
		}
	}
	return false
}

// framesDefers returns the defer statements of the function whose body
// is body (not those of the function literals in it, nor those rangeFuncs
// writes its own way), and whether one is in a loop.
func (g *gen) framesDefers(body *ast.BlockStmt, inRangeFunc map[*ast.DeferStmt]bool) (defers []*ast.DeferStmt, inLoop bool) {
	var visit func(n ast.Node, loop bool)
	visit = func(n ast.Node, loop bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch x := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if x != n {
					visit(x.Body, true)
					return false
				}
			case *ast.RangeStmt:
				if x != n {
					visit(x.Body, true)
					return false
				}
			case *ast.DeferStmt:
				if !inRangeFunc[x] {
					defers = append(defers, x)
					inLoop = inLoop || loop
				}
			}
			return true
		})
	}
	visit(body, false)
	return defers, inLoop
}
