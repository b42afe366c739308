package evaluator

import (
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/lib/trace"
)

// leakSettle is how long a goroutine must stay in the same wait after its
// cell returned to count as leaked: one that was just handed a value may
// not have run yet to leave its wait.
const leakSettle = 100 * time.Millisecond

// leakRounds bounds how many times Leaks waits leakSettle for goroutines
// that are blocked or running; startRounds bounds the wait for goroutines
// that were started and have not run yet, which surely come.
const (
	leakRounds  = 3
	startRounds = 50
)

// Leaks returns the goroutines that cell started and that are blocked, with
// no timer to wake them, after the cell returned; like go.uber.org/goleak,
// it gives those caught in passing a moment to move on. Goroutines that
// run or sleep are not leaks: background workers do that.
func (e *Evaluator) Leaks(cell string) []evalproto.Goroutine {
	// look returns the cell's goroutines that wait with nothing to wake
	// them, and how many are still on their way somewhere: running (on a
	// loaded machine a goroutine may not have reached its wait when the
	// cell returns) or started and not yet run at all.
	look := func() (stuck map[int64]trace.State, running int) {
		stuck = map[int64]trace.State{}
		for _, s := range trace.States() {
			if s.Label != cell || s.Pos == "" {
				continue
			}
			switch {
			case s.Reason == trace.NotBlocked:
				running++
			case !s.Timed:
				stuck[s.G] = s
			}
		}
		return stuck, running
	}
	pending, running := look()
	if len(pending) == 0 && running == 0 && trace.Starting() == 0 {
		return nil
	}
	// A goroutine counts as leaked once it stayed in the same wait for
	// leakSettle. Those that block meanwhile get their own look, and
	// those that keep running are given leakRounds looks: a background
	// worker runs for ever.
	confirmed := map[int64]trace.State{}
	for round := 0; ; round++ {
		starting := trace.Starting() > 0 && round < startRounds
		if !starting && (len(pending) == 0 && running == 0 || round >= leakRounds) {
			break
		}
		time.Sleep(leakSettle)
		var now map[int64]trace.State
		now, running = look()
		next := map[int64]trace.State{}
		for g, s := range now {
			if _, done := confirmed[g]; done {
				continue
			}
			if f, ok := pending[g]; ok && s.Reason == f.Reason && s.Since.Equal(f.Since) {
				confirmed[g] = s
			} else {
				next[g] = s
			}
		}
		pending = next
	}
	now := time.Now()
	var out []evalproto.Goroutine
	for _, s := range trace.States() { // in the trace's order
		if _, ok := confirmed[s.G]; ok {
			out = append(out, protoState(s, now))
		}
	}
	return out
}
