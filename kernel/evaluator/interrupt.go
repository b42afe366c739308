package evaluator

import (
	"sync"

	"github.com/goconc/goconc/lib/trace"
)

// Interrupting a cell closes its stop channel. Code compiled by package
// program checks it in loops and waits on it in every blocking channel
// operation; the hooks below then panic with halted, which unwinds the
// goroutine. Goroutines of other cells go on.

// halted is the panic value that unwinds an interrupted goroutine.
type halted struct{}

func (halted) Error() string { return "interrupted" }

// stops holds the stop channel of each cell.
type stops struct {
	mu sync.Mutex
	m  map[string]chan struct{}
}

func (s *stops) get(cell string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]chan struct{}{}
	}
	c := s.m[cell]
	if c == nil {
		c = make(chan struct{})
		s.m[cell] = c
	}
	return c
}

// stop closes cell's stop channel.
func (s *stops) stop(cell string) {
	c := s.get(cell)
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-c:
	default:
		close(c)
	}
}

// goroutineCell returns the cell the calling goroutine works for.
func (e *Evaluator) goroutineCell() string {
	return e.cellOf(trace.LabelOf(trace.Current()))
}

// Interrupt stops cell: its goroutines unwind at their next loop iteration
// or channel operation.
func (e *Evaluator) Interrupt(cell string) { e.stops.stop(cell) }

// stopChan is the Stop hook: the channel that closes when the calling
// goroutine's cell is interrupted.
func (e *Evaluator) stopChan() <-chan struct{} { return e.stops.get(e.goroutineCell()) }

// check is the Check hook, called in loops.
func (e *Evaluator) check() {
	select {
	case <-e.stopChan():
		halt()
	default:
	}
}

// halt is the Halt hook.
func halt() {
	trace.Unblock()
	panic(halted{})
}
