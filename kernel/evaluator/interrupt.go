package evaluator

import (
	"reflect"
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

// chanObject returns the trace object of a channel value.
func chanObject(c any, name string) trace.ObjectID {
	v := reflect.ValueOf(c)
	if !v.IsValid() || v.Kind() != reflect.Chan || v.IsNil() {
		return 0
	}
	return trace.ObjectAt(v.Pointer(), trace.Chan, v.Cap(), name)
}

// block is the Block hook: the goroutine is about to wait on channel c.
func block(reason int, c any, name, pos string) {
	trace.BlockOn(trace.Reason(reason), chanObject(c, name), pos)
}

// recv is the Recv hook: a receive completed.
func recv(c, v any, ok bool, name, pos string) {
	if !trace.Enabled() {
		return
	}
	ch := reflect.ValueOf(c)
	if ch.Kind() != reflect.Chan || ch.IsNil() {
		return
	}
	text := ""
	if ok {
		text = trace.Short(v, 16)
	}
	trace.ChanReceivedAt(ch.Pointer(), ch.Cap(), name, text, ok, pos)
}

// sent is the Sent hook: a send completed.
func sent(c, v any, name, pos string) {
	if !trace.Enabled() {
		return
	}
	ch := reflect.ValueOf(c)
	if ch.Kind() != reflect.Chan || ch.IsNil() {
		return
	}
	trace.ChanSentAt(ch.Pointer(), ch.Cap(), name, trace.Short(v, 16), pos)
}
