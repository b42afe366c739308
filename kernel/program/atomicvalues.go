package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// atomicValues calls an atomic.Value's Store, Swap and CompareAndSwap
// through hooks, in a notebook whose values the interpreter boxes:
//
//	v.Store(s)    becomes    __goconc.AtomicStore(&(v), s)
//
// To the Value, every value of the notebook's interfaces is of one type,
// the interpreter's box: it took a Shape holding a Rect after one holding
// an Sq, where Go's panics ("store of inconsistently typed value into
// Value"), and its CompareAndSwap of two boxes of equal values failed.
// The hooks check the types named in the boxes and compare by value
// (kernel/evaluator's atomicvalue.go).
func (g *gen) atomicValues() {
	if !g.hasBoxedTypes() {
		return
	}
	hooks := map[string]string{
		"(*atomic.Value).Store":          "AtomicStore",
		"(*atomic.Value).Swap":           "AtomicSwap",
		"(*atomic.Value).CompareAndSwap": "AtomicCompareAndSwap",
	}
	g.calls(func(call *ast.CallExpr, name string) {
		hook, ok := hooks[name]
		if !ok {
			return
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if s := g.c.info.Selections[sel]; !ok || s == nil || len(s.Index()) != 1 {
			return // (a method promoted from an embedded Value: as it is)
		}
		g.r.Replace(call, func() string {
			recv := g.r.Source(sel.X)
			if _, pointer := g.c.info.TypeOf(sel.X).Underlying().(*types.Pointer); !pointer {
				recv = "&(" + recv + ")"
			}
			args := []string{recv}
			for _, a := range call.Args {
				args = append(args, g.r.Source(a))
			}
			return HooksName + "." + hook + "(" + strings.Join(args, ", ") + ")"
		})
	})
}
