package program

import (
	"go/ast"
	"go/types"
	"slices"
)

// markUnwindings makes a function whose deferred calls can wake another
// goroutine say so when they run for a panic:
//
//	go func() {                        go func() {
//		defer wg.Done()                    defer wg.Done(); defer __goconc.Unwinding()
//		var m map[string]int               var m map[string]int
//		m["a"] = 1                         m["a"] = 1
//	}()                                }()
//	wg.Wait()                          wg.Wait()
//	fmt.Println("unreachable")         fmt.Println("unreachable")
//
// In Go the goroutine's wg.Done() wakes the cell, and the runtime ends the
// program a few microseconds later, before the cell gets to print (7 runs
// in 300 printed "unreachable"). The evaluator hears of the panic much
// later, and the woken cell printed "unreachable" every time. Unwinding,
// deferred after each deferred call so that it runs before it, tells the
// evaluator whether the frame is unwinding a panic; a goroutine woken
// meanwhile waits until the panic is recovered or ends the cell
// (lib/trace's unwinding.go).
//
// Only frames whose deferred calls wake someone get the mark: Done,
// Signal, Broadcast, close and a context's cancel, or a function literal
// that calls one or sends. The mark costs a call about two microseconds
// (the evaluator reads the stack), which a goroutine's body can afford;
// a method that defers mu.Unlock() is called far more often, and took
// twice its time with it, so Unlock and RUnlock go unmarked. A frame
// whose deferred calls the guard runs (guardDefers) is left alone.
func (g *gen) markUnwindings(inRangeFunc, guarded map[*ast.DeferStmt]bool) {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd, func(n ast.Node) bool {
			body := funcBody(n)
			if body == nil {
				return true
			}
			defers, _ := g.framesDefers(body, inRangeFunc)
			if len(defers) == 0 || guarded[defers[0]] || !slices.ContainsFunc(defers, g.defersWakeUp) {
				return true
			}
			for _, ds := range defers {
				g.r.After(ds, "; defer "+HooksName+".Unwinding()")
			}
			return true
		})
	}
}

// defersWakeUp reports whether ds's call may let another goroutine go on.
func (g *gen) defersWakeUp(ds *ast.DeferStmt) bool {
	if lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit); ok {
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SendStmt:
				found = true
			case *ast.CallExpr:
				found = found || g.wakes(x)
			}
			return !found
		})
		return found
	}
	return g.wakes(ds.Call)
}

// wakes reports whether call is one that wakes waiting goroutines.
func (g *gen) wakes(call *ast.CallExpr) bool {
	if g.isBuiltinNamed(call.Fun, "close") {
		return true
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		switch sel.Sel.Name {
		case "Done", "Signal", "Broadcast":
			return true
		}
	}
	if named, ok := types.Unalias(g.c.info.TypeOf(call.Fun)).(*types.Named); ok {
		obj := named.Obj()
		return obj.Pkg() != nil && obj.Pkg().Path() == "context" && (obj.Name() == "CancelFunc" || obj.Name() == "CancelCauseFunc")
	}
	return false
}
