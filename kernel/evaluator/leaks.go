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
	first := stuck()
	if len(first) == 0 {
		return nil
	}
	time.Sleep(leakSettle)
	now := time.Now()
	var out []evalproto.Goroutine
	for _, s := range trace.States() {
		if f, ok := first[s.G]; ok && s.Reason == f.Reason && s.Since.Equal(f.Since) {
			out = append(out, protoState(s, now))
		}
	}
	return out
}
