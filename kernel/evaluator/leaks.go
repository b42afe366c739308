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

// leakRounds bounds how many times Leaks waits leakSettle.
const leakRounds = 3

// Leaks returns the goroutines that cell started and that are blocked, with
// no timer to wake them, after the cell returned; like go.uber.org/goleak,
// it gives those caught in passing a moment to move on. Goroutines that
// run or sleep are not leaks: background workers do that.
func (e *Evaluator) Leaks(cell string) []evalproto.Goroutine {
	stuck := func() map[int64]trace.State {
		m := map[int64]trace.State{}
		for _, s := range trace.States() {
			if s.Label == cell && s.Pos != "" && s.Reason != trace.NotBlocked && !s.Timed {
				m[s.G] = s
			}
		}
		return m
	}
	// Goroutines that block while the first ones settle (on a loaded
	// machine some have not reached their wait yet) get their own look, for
	// a few rounds at most.
	pending := stuck()
	if len(pending) == 0 {
		return nil
	}
	confirmed := map[int64]trace.State{}
	for round := 0; len(pending) > 0 && round < leakRounds; round++ {
		time.Sleep(leakSettle)
		next := map[int64]trace.State{}
		for g, s := range stuck() {
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
