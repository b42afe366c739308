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

// leakRounds bounds, in leakSettles, how long Leaks waits for goroutines
// that are blocked or running; startRounds bounds the wait for goroutines
// that were started and have not run yet, which surely come.
const (
	leakRounds  = 3
	startRounds = 50
)

// firstLook is how long Leaks waits before its second look. Goroutines on
// their way out when the cell returned (the worker that close(jobs) just
// woke) are gone microseconds later: the looks start that soon, twice as
// far apart each time, up to leakSettle/8. A fixed leakSettle between
// looks cost every such cell a tenth of a second.
const firstLook = 50 * time.Microsecond

// Leaks returns the goroutines that cell started and that are blocked, with
// no timer to wake them, after the cell returned; like go.uber.org/goleak,
// it gives those caught in passing a moment to move on. Goroutines that
// run or sleep are not leaks: background workers do that.
func (e *Evaluator) Leaks(cell string) []evalproto.Goroutine {
	pending, running := cellGoroutines(cell)
	if len(pending) == 0 && running == 0 && trace.Starting() == 0 {
		return nil
	}
	// A goroutine counts as leaked once it stayed in the same wait for
	// leakSettle. Those that block meanwhile get their own leakSettle,
	// and those that keep running are looked at for leakRounds
	// leakSettles: a background worker runs for ever.
	start := time.Now()
	since := map[int64]time.Time{} // when each pending wait was first seen
	for g := range pending {
		since[g] = start
	}
	confirmed := map[int64]trace.State{}
	pause := firstLook
	for {
		waited := time.Since(start)
		starting := trace.Starting() > 0 && waited < startRounds*leakSettle
		if !starting && (len(pending) == 0 && running == 0 || waited >= leakRounds*leakSettle) {
			break
		}
		time.Sleep(pause)
		looked := time.Now()
		var now map[int64]trace.State
		now, running = cellGoroutines(cell)
		at := time.Now()
		// A look at 10,000 goroutines takes milliseconds, and leaves
		// garbage that stays (the evaluator collects seldom): the looks
		// take at most a tenth of the time waited.
		pause = max(min(2*pause, leakSettle/8), 10*at.Sub(looked))
		next := map[int64]trace.State{}
		for g, s := range now {
			if _, done := confirmed[g]; done {
				continue
			}
			f, ok := pending[g]
			switch {
			case !ok || s.Reason != f.Reason || !s.Since.Equal(f.Since):
				next[g], since[g] = s, at // a new wait
			case at.Sub(since[g]) >= leakSettle:
				confirmed[g] = s
			default:
				next[g] = f
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

// cellGoroutines returns the goroutines cell started that wait with nothing
// to wake them, and how many are still on their way somewhere: running (on
// a loaded machine a goroutine may not have reached its wait when the cell
// returns) or started and not yet run at all.
func cellGoroutines(cell string) (stuck map[int64]trace.State, running int) {
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

// settleMost bounds how long a traced cell waits, once its statements
// returned, for the goroutines it started to block or end.
const settleMost = time.Millisecond

// settle gives the goroutines of cell still alive when its statements
// return a moment to end, as the one the cell's last receive woke is
// about to: its timeline, drawn at once, showed it "still running at the
// end". A woken goroutine looks blocked until it runs, so any goroutine
// alive counts. The looks start firstLook apart and double; a goroutine
// that stays (a background worker, a leak) costs the cell settleMost.
func settle(cell string) {
	start := time.Now()
	for pause := firstLook; ; pause *= 2 {
		if stuck, running := cellGoroutines(cell); len(stuck) == 0 && running == 0 || time.Since(start) >= settleMost {
			return
		}
		time.Sleep(pause)
	}
}
