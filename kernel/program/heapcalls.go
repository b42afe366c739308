package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// heapCalls lowers container/heap's functions called on a heap of the
// notebook's to the prelude's copies of them, written in Go for the
// interpreter (session's heapSrc):
//
//	heap.Push(h, Job(3))
//	j := heap.Pop(h).(Job)
//
// become
//
//	__goconc_heapPush(h, Job(3))
//	j := __goconc_heapPop(h).(Job)
//
// Compiled heap.Pop got the value from the notebook's Pop method through
// the interpreter's wrapper, which took its box: a Job, a named int, came
// back an int, and the assertion failed. The copies call the same methods
// in the same order, so the heap is the same. A heap held in a variable
// of type heap.Interface (a compiled interface) is left to the compiled
// functions.
func (g *gen) heapCalls() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := g.heapCall(call); ok {
				g.r.ReplaceRange(call.Fun.Pos(), call.Fun.End(), "__goconc_heap"+fn)
			}
		}
		return true
	})
}

// heapCall returns the name of the container/heap function call calls, if
// heapCalls lowers it.
func (g *gen) heapCall(call *ast.CallExpr) (string, bool) {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return "", false
	}
	fn, ok := strings.CutPrefix(g.calleeName(call.Fun), "container/heap.")
	if !ok || !heapFuncs[fn] {
		return "", false
	}
	if t := g.c.info.TypeOf(call.Args[0]); t == nil || types.IsInterface(t) {
		return "", false
	}
	// (Without the prelude's copy, as in a program of the package's
	// tests, or once a cell redeclared what it uses, the call stays.)
	if _, ok := g.c.pkg.Scope().Lookup("__goconc_heap" + fn).(*types.Func); !ok {
		return "", false
	}
	return fn, true
}

// heapFuncs are container/heap's functions.
var heapFuncs = map[string]bool{"Init": true, "Push": true, "Pop": true, "Remove": true, "Fix": true}
