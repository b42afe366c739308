package evaluator

import (
	"runtime"
	"strings"
	"sync"

	"github.com/goconc/goconc/lib/trace"
)

// unwindingHook is the Unwinding hook, deferred after each deferred call
// of a function whose deferred calls can wake another goroutine (program's
// unwinding.go): it runs first of them, and tells the trace whether they
// run for a panic.
func unwindingHook() {
	if panicking() {
		trace.Unwinding()
	}
}

// panicking reports whether the interpreter's frame that deferred the
// hook runs its deferred calls for a panic. Yaegi v0.16.1 runs a frame's
// deferred calls from one deferred function of its own (runCfg's), which
// the runtime calls from gopanic when the frame panics, and from the
// frame's return otherwise.
//
// Only the hook's first callers are read: the hook, reflect's Call
// (two frames), runCfg's deferred function, and then gopanic or the
// frame itself. Walking further cost a deferred mu.Unlock() five
// microseconds, three times the cost of the rest of the call.
func panicking() bool {
	var pcs [5]uintptr
	n := runtime.Callers(2, pcs[:])
	deferring := false
	for _, pc := range pcs[:n] {
		switch frameKindOf(pc) {
		case yaegiDefers:
			deferring = true
		case gopanic:
			return deferring
		default:
			if deferring {
				return false
			}
		}
	}
	return false
}

type frameKind int

const (
	otherFrame frameKind = iota
	yaegiDefers
	gopanic
)

// frameKinds caches frameKindOf: a program has few distinct return
// addresses on these paths, and naming one takes a lookup in the tables.
var frameKinds sync.Map // uintptr → frameKind

func frameKindOf(pc uintptr) frameKind {
	if k, ok := frameKinds.Load(pc); ok {
		return k.(frameKind)
	}
	k := otherFrame
	if fn := runtime.FuncForPC(pc - 1); fn != nil {
		switch name := fn.Name(); {
		case name == "runtime.gopanic":
			k = gopanic
		case strings.HasSuffix(name, "/yaegi/interp.runCfg.func1"):
			k = yaegiDefers
		}
	}
	frameKinds.Store(pc, k)
	return k
}

// panicReported ends the unwinding of the calling goroutine, whose panic
// has just been reported for cell, unless cell is running: then the
// report stops it, and the goroutines the panic held with it. A panic of
// a goroutine of a cell that ended is shown under the cell running, which
// goes on, and so must the goroutines it held (the cell waiting for the
// goroutine's deferred close).
func (e *Evaluator) panicReported(cell string) {
	e.mu.Lock()
	running := e.current == cell
	e.mu.Unlock()
	if !running {
		trace.Unwound()
	}
}
