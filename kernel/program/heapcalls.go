package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// heapCalls lowers container/heap's functions called on a heap of the
// notebook's to their algorithm, written out at the call for the
// interpreter:
//
//	heap.Push(h, Job(3))
//
// becomes
//
//	func(h *JobHeap, x any) { up := func(j int) { ... }; h.Push(x); up(h.Len() - 1) }(h, Job(3))
//
// (with names of goconc's own). Compiled heap.Push and heap.Pop handed
// the values between the notebook's own Push and Pop methods through the
// interpreter's wrapper, which took their box: a Job, a named int, was an
// int to x.(Job) in Push, which panicked, and Pop gave back an int. The
// algorithm is heap's own (Go 1.26): the same methods are called in the
// same order, so the heap is the same. A heap held in a variable of type
// heap.Interface, a compiled interface, is left to the compiled functions.
func (g *gen) heapCalls() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := g.heapCall(call)
		if !ok {
			return true
		}
		typ, ok := g.localType(g.c.info.TypeOf(call.Args[0]))
		if !ok {
			return true
		}
		// f(args) becomes lit(args): the literal replaces the function.
		g.r.ReplaceRange(call.Fun.Pos(), call.Fun.End(), strings.ReplaceAll(heapFuncs[fn], "HEAP", typ))
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
	if _, known := heapFuncs[fn]; !ok || !known {
		return "", false
	}
	if t := g.c.info.TypeOf(call.Args[0]); t == nil || types.IsInterface(t) {
		return "", false
	}
	return fn, true
}

// heapUp and heapDown are heap's up and down, as closures over the heap.
const (
	heapUp   = "__goconc_up := func(j int) { for { i := (j - 1) / 2; if i == j || !__goconc_h.Less(j, i) { break }; __goconc_h.Swap(i, j); j = i } }; "
	heapDown = "__goconc_down := func(i0, n int) bool { i := i0; for { j1 := 2*i + 1; if j1 >= n || j1 < 0 { break }; j := j1; " +
		"if j2 := j1 + 1; j2 < n && __goconc_h.Less(j2, j1) { j = j2 }; if !__goconc_h.Less(j, i) { break }; __goconc_h.Swap(i, j); i = j }; return i > i0 }; "
)

// heapFuncs are container/heap's functions as function literals; HEAP stands
// for the heap's type.
var heapFuncs = map[string]string{
	"Init": "func(__goconc_h HEAP) { " + heapDown +
		"n := __goconc_h.Len(); for i := n/2 - 1; i >= 0; i-- { __goconc_down(i, n) } }",
	"Push": "func(__goconc_h HEAP, x any) { " + heapUp +
		"__goconc_h.Push(x); __goconc_up(__goconc_h.Len() - 1) }",
	"Pop": "func(__goconc_h HEAP) any { " + heapDown +
		"n := __goconc_h.Len() - 1; __goconc_h.Swap(0, n); __goconc_down(0, n); return __goconc_h.Pop() }",
	"Remove": "func(__goconc_h HEAP, i int) any { " + heapUp + heapDown +
		"n := __goconc_h.Len() - 1; if n != i { __goconc_h.Swap(i, n); if !__goconc_down(i, n) { __goconc_up(i) } }; return __goconc_h.Pop() }",
	"Fix": "func(__goconc_h HEAP, i int) { " + heapUp + heapDown +
		"if !__goconc_down(i, __goconc_h.Len()) { __goconc_up(i) } }",
}
