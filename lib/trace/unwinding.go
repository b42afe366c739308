package trace

import (
	"sync"
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
)

// A goroutine that panics runs its deferred calls, and then Go's runtime
// prints the panic and ends the program, within microseconds: the
// goroutines those calls wake (a deferred wg.Done(), close(done)) hardly
// ever run on. A host that reports the panic itself, as goconc's kernel
// does, takes far longer, and every woken goroutine ran on. So, under a
// host, a goroutine that resumes from a wait (Unblock) while another
// unwinds a panic (Unwinding) waits until that panic is recovered, or the
// goroutine waits itself or ends (Unwound): most often, the host has
// stopped it by then. Explored runs schedule goroutines themselves and do
// not wait.
var unwinding struct {
	n    atomic.Int32 // len(gs): Unblock's fast path
	mu   sync.Mutex
	gs   map[int64]bool
	over chan struct{} // closed when gs empties
}

// Unwinding says that the calling goroutine runs its deferred calls for a
// panic nothing has recovered yet.
func Unwinding() {
	if host.Load() == nil {
		return // the runtime ends the program itself
	}
	g := goidGet()
	if !rec.started(g) {
		// A goroutine the program did not start (net/http's, serving a
		// handler) may have its panic recovered by compiled code and go
		// on: nothing would let the others go.
		return
	}
	unwinding.mu.Lock()
	defer unwinding.mu.Unlock()
	if unwinding.gs[g] {
		return
	}
	if unwinding.gs == nil {
		unwinding.gs = map[int64]bool{}
	}
	if len(unwinding.gs) == 0 {
		unwinding.over = make(chan struct{})
	}
	unwinding.gs[g] = true
	unwinding.n.Add(1)
}

// Unwound says that the calling goroutine's panic was recovered: the
// goroutines that Unwinding held go on. They go on too when it waits, or
// ends without a panic; a goroutine that ends with the panic holds them
// until the host stops them, or until EndUnwindings.
func Unwound() { unwound(goidGet()) }

// EndUnwindings lets every goroutine held go on: the host calls it when
// the code that panicked is over (a notebook's cell ended, stopped by the
// panic's report), so that goroutines it did not stop (of earlier cells)
// go on.
func EndUnwindings() {
	unwinding.mu.Lock()
	defer unwinding.mu.Unlock()
	if len(unwinding.gs) > 0 {
		clear(unwinding.gs)
		unwinding.n.Store(0)
		close(unwinding.over)
	}
}

func unwound(g int64) {
	if unwinding.n.Load() == 0 {
		return
	}
	unwinding.mu.Lock()
	defer unwinding.mu.Unlock()
	if !unwinding.gs[g] {
		return
	}
	delete(unwinding.gs, g)
	unwinding.n.Add(-1)
	if len(unwinding.gs) == 0 {
		close(unwinding.over)
	}
}

// Unwinds reports whether a goroutine unwinds a panic (or ended with one
// the host has not yet stopped): no goroutine is deadlocked meanwhile, as
// the program is about to end.
func Unwinds() bool { return unwinding.n.Load() != 0 }

// WaitUnwound waits while another goroutine unwinds a panic: Unblock
// does, and a primitive that did not block, but would have, does it
// itself (WaitGroup.Wait finding the counter zero: the deferred
// wg.Done() may have been the panicking goroutine's).
func WaitUnwound() {
	if unwinding.n.Load() != 0 {
		holdWhileUnwinding(goidGet())
	}
}

// holdWhileUnwinding makes goroutine g, resuming from a wait, wait while
// another goroutine unwinds a panic.
func holdWhileUnwinding(g int64) {
	for unwinding.n.Load() != 0 && explore.Current() == nil {
		unwinding.mu.Lock()
		if len(unwinding.gs) == 0 || unwinding.gs[g] {
			unwinding.mu.Unlock()
			return
		}
		over := unwinding.over
		unwinding.mu.Unlock()
		select {
		case <-over:
		case <-Stopped():
			Halt()
		}
		select {
		case <-Stopped():
			Halt() // stopped too, by the panic's report: that comes first
		default:
		}
	}
}

// started reports whether g is a goroutine the program started, or the
// one running its main code (SetMain), and has not ended.
func (r *recorder) started(g int64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.gs[g]
	return st != nil && st.name != "" && !st.ended
}
