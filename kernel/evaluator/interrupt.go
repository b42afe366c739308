package evaluator

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/goconc/goconc/lib/trace"
)

// Interrupting a cell first cancels its context, the one
// context.Background returns in the cell's goroutines, so that code that
// watches ctx.Done() stops the way it was written to. A moment later the
// cell's stop channel closes. Code compiled by package program checks it
// in loops and waits on it in every blocking channel operation; the hooks
// then panic with halted, which unwinds the goroutine. Goroutines of other
// cells go on.

// stopGrace is how long goroutines of an interrupted cell have to stop on
// their own, after its context is cancelled, before they are halted.
const stopGrace = 200 * time.Millisecond

// errCellInterrupted is the cause of an interrupted cell's context.
var errCellInterrupted = errors.New("goconc: the cell was interrupted")

// halted is the panic value that unwinds an interrupted goroutine.
type halted struct{}

func (halted) Error() string { return "interrupted" }

// stops holds the stop channel and the context of each cell.
type stops struct {
	mu sync.Mutex
	m  map[string]*cellStop
}

type cellStop struct {
	ch      chan struct{}
	ctx     context.Context
	cancel  context.CancelCauseFunc
	stopped bool
}

func (s *stops) of(cell string) *cellStop {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]*cellStop{}
	}
	c := s.m[cell]
	if c == nil {
		ctx, cancel := context.WithCancelCause(context.Background())
		c = &cellStop{ch: make(chan struct{}), ctx: backgroundCtx{ctx}, cancel: cancel}
		s.m[cell] = c
	}
	return c
}

func (s *stops) get(cell string) chan struct{} { return s.of(cell).ch }

// stop cancels cell's context, and closes its stop channel after grace.
func (s *stops) stop(cell string, grace time.Duration) {
	c := s.of(cell)
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.stopped {
		return
	}
	c.stopped = true
	c.cancel(errCellInterrupted)
	if grace <= 0 {
		close(c.ch)
		return
	}
	time.AfterFunc(grace, func() { close(c.ch) })
}

// forget drops what is kept for cell, which will not run again (a
// schedule of an exploration).
func (s *stops) forget(cell string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, cell)
}

// stopping reports whether cell is being stopped.
func (s *stops) stopping(cell string) bool {
	c := s.of(cell)
	s.mu.Lock()
	defer s.mu.Unlock()
	return c.stopped
}

// backgroundCtx is what context.Background returns in a cell: a context
// that is cancelled when the cell is interrupted. It prints as Go's does.
type backgroundCtx struct{ context.Context }

func (backgroundCtx) String() string { return "context.Background" }

// goroutineCell returns the cell the calling goroutine works for.
func (e *Evaluator) goroutineCell() string {
	return e.cellOf(trace.LabelOf(trace.Current()))
}

// Interrupt stops cell: its context is cancelled, and a moment later its
// goroutines unwind at their next loop iteration or channel operation.
func (e *Evaluator) Interrupt(cell string) { e.stops.stop(cell, stopGrace) }

// background is context.Background for cells: the context of the cell the
// calling goroutine works for.
func (e *Evaluator) background() context.Context { return e.stops.of(e.goroutineCell()).ctx }

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

// Laps of counting loops (program's laps.go) start at 1<<firstLapShift
// iterations and are kept between lapShort and lapLong long.
const (
	firstLapShift = 8
	maxLapShift   = 20
	lapShort      = 200 * time.Microsecond
	lapLong       = 2 * time.Millisecond
)

// lapClock is what laps are timed from.
var lapClock = time.Now()

// lap is the Lap hook of counting loops (program's laps.go): between laps
// it checks for an interrupt, moves the loop's next lap *lim on, never past
// n, and reports whether i < n, the loop's condition. *state holds when the
// lap started (nanoseconds of lapClock, above 5 bits) and the log2 of its
// length (the 5 bits); 0 before the first lap.
func (e *Evaluator) lap(lim, state *int, i, n int) bool {
	e.check()
	if i >= n {
		return false
	}
	now := int(time.Since(lapClock))
	shift := *state & 31
	switch took := time.Duration(now - *state>>5); {
	case *state == 0:
		shift = firstLapShift
	case took < lapShort && shift < maxLapShift:
		shift++
	case took > lapLong && shift > 0:
		shift--
	}
	*state = now<<5 | shift
	if d := uint64(n) - uint64(i); d > 1<<shift {
		*lim = i + 1<<shift
	} else {
		*lim = n
	}
	return true
}

// halt is the Halt hook.
func halt() {
	trace.Unblock()
	panic(halted{})
}
