package trace

import (
	"time"
	_ "unsafe" // for go:linkname
)

// nanotime is the runtime's monotonic clock. time.Since reads the wall
// clock as well, which doubles the cost of a clock read.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64

// The recorder reads a clock for every event. Where the processor has a
// cheap cycle counter (ticks; amd64's TSC, about 9 ns against the
// monotonic clock's 23 ns), events are stamped in ticks while recording and
// converted to durations when a Trace is built, by the ratio of ticks to
// nanoseconds measured over the trace itself: no calibration up front, and
// exact at both ends.

// stamp is a reading of both clocks.
type stamp struct{ ticks, mono int64 }

func now() stamp { return stamp{ticks(), nanotime()} }

// scale converts ticks since start into a duration, given the clocks read
// at start and at end.
type scale struct {
	start int64   // ticks at the trace's start
	ns    float64 // nanoseconds per tick
}

func newScale(start, end stamp) scale {
	s := scale{start: start.ticks, ns: 1}
	if dt := end.ticks - start.ticks; haveTicks && dt > 0 {
		s.ns = float64(end.mono-start.mono) / float64(dt)
	}
	return s
}

// of converts a reading taken while recording; negative readings (-1, "not
// in this trace") pass through.
func (s scale) of(d time.Duration) time.Duration {
	if d < 0 || s.ns == 1 {
		return d
	}
	return time.Duration(float64(d)*s.ns + 0.5)
}
