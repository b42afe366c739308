package evaluator

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/lib/stacks"
	"github.com/goconc/goconc/lib/trace"
)

// Go's runtime ends a program whose goroutines are all blocked with "all
// goroutines are asleep - deadlock!". In the evaluator that never happens,
// because its own goroutines wait for the supervisor, so a deadlocked cell
// would hang until interrupted. A watchdog finds the deadlock instead, from
// what lib/trace knows of every goroutine cells started: the cell is
// deadlocked when its main flow and all of them wait on channels, locks,
// WaitGroups or selects that no timer ends, nothing is about to start (a go
// statement, a time.AfterFunc), and that stays so between two looks. A
// goroutine that runs, sleeps, does I/O or waits somewhere not instrumented
// counts as awake, so a false alarm needs a wait goconc cannot see the end
// of. os/signal sends on channels goconc does not see: while the program
// waits for signals, there is no deadlock (signals.go).

// deadlockPoll is how often the watchdog looks: a deadlock is reported
// within two looks.
const deadlockPoll = 250 * time.Millisecond

// DeadlockError is returned by Run when the cell deadlocked: every goroutine
// waited for another. The cell was stopped.
type DeadlockError struct {
	Goroutines []evalproto.Goroutine // the cell's main flow first
}

func (d *DeadlockError) Error() string {
	var b strings.Builder
	b.WriteString("all goroutines are asleep - deadlock!")
	for _, g := range d.Goroutines {
		fmt.Fprintf(&b, "\n  %s: %s", g.Name, g.Reason)
	}
	return b.String()
}

// asleep returns the goroutines of a deadlock, main (the running cell's
// main flow) first, or nil if some goroutine can still make progress.
func asleep(states []trace.State, main int64) []trace.State {
	var out []trace.State
	sawMain := false
	for _, s := range states {
		if s.G != main && s.Pos == "" {
			continue // not started by a cell
		}
		if s.Reason == trace.NotBlocked || s.Timed {
			return nil
		}
		if s.G == main {
			sawMain = true
			out = append([]trace.State{s}, out...)
			continue
		}
		out = append(out, s)
	}
	if !sawMain {
		return nil
	}
	return out
}

// runnableGoroutines reports whether the runtime has a goroutine other
// than the caller ready to run or running. A goroutine whose wait has
// ended records so only once it runs again; on a starved machine it can
// stay runnable for longer than two looks, and its old wait looked like a
// deadlock (Go's test/chan/doubleselect.go, reported while it ran).
// Asked only when the waits look stuck: the dump stops the world briefly.
func runnableGoroutines() bool {
	buf := stacks.All()
	running := 0
	for _, line := range bytes.Split(buf, []byte("\n")) {
		if !bytes.HasPrefix(line, []byte("goroutine ")) {
			continue
		}
		switch {
		case bytes.Contains(line, []byte(" [runnable")):
			return true
		case bytes.Contains(line, []byte(" [running")):
			running++ // the caller is one
		}
	}
	return running > 1
}

// sameWaits reports whether a and b are the same goroutines in the same
// waits: nobody woke up in between.
func sameWaits(a, b []trace.State) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i].G != b[i].G || !a[i].Since.Equal(b[i].Since) || a[i].Reason != b[i].Reason {
			return false
		}
	}
	return true
}

// watchDeadlock looks for a deadlock of the running cell until stop
// closes, and calls found with its goroutines if there is one.
func (e *Evaluator) watchDeadlock(stop <-chan struct{}, found func([]trace.State)) {
	t := time.NewTicker(deadlockPoll)
	defer t.Stop()
	var last []trace.State
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		if trace.Starting() > 0 || trace.TimersPending() > 0 || trace.Unwinds() || e.signals.live() {
			last = nil
			continue
		}
		e.mu.Lock()
		main := e.mainG
		e.mu.Unlock()
		now := asleep(trace.States(), main)
		if sameWaits(last, now) && !runnableGoroutines() {
			found(now)
			return
		}
		last = now
	}
}

// deadlocked handles a deadlock of cell: the goroutines are marked on the
// timeline, which then stops recording, so that it shows them stuck rather
// than unwinding; the cell is stopped.
func (e *Evaluator) deadlocked(cell string, rec *recording, gs []trace.State) {
	if e.stops.stopping(cell) {
		return // interrupted meanwhile: that is the story
	}
	now := time.Now()
	d := &DeadlockError{}
	for _, s := range gs {
		trace.EmitFor(s.G, trace.EvDeadlock, s.Obj, 0, waitText(s), s.Where)
		d.Goroutines = append(d.Goroutines, protoState(s, now))
	}
	rec.freeze()
	e.mu.Lock()
	e.deadlock = d
	e.mu.Unlock()
	e.Interrupt(cell)
}

// takeDeadlock returns and forgets the deadlock found while the cell ran.
func (e *Evaluator) takeDeadlock() *DeadlockError {
	e.mu.Lock()
	defer e.mu.Unlock()
	d := e.deadlock
	e.deadlock = nil
	return d
}

// waitText says what a goroutine waits on: "chan receive on out".
func waitText(s trace.State) string {
	t := s.Reason.String()
	if s.Object != "" {
		t += " on " + s.Object
	}
	return t
}
