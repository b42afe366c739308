// Package trace records what goroutines do, so that a timeline can show it.
//
// A trace is a bounded log of events: goroutines starting and ending,
// blocking and resuming, channel sends paired with the receives that got
// them, locks, WaitGroup counts, context cancellations, panics and marks.
// The instrumented primitives of goconc's lib (packages sync, context, chans,
// singleflight, errgroup, semaphore) record into the running trace. When no
// trace runs they record no events and cost one atomic load.
//
//	trace.Start()
//	var wg sync.WaitGroup // github.com/goconc/goconc/lib/sync
//	trace.Go("worker", func() { ... })
//	t := trace.Stop()
//	timeline.WriteHTML("timeline.html", t) // github.com/goconc/goconc/lib/timeline
//
// Besides events, the package always knows, for every goroutine it has seen,
// whether it is blocked, on what and where: States reports it, which is how
// leaks and deadlocks are explained.
//
// Memory is bounded: a trace keeps at most MaxEvents events (200,000 by
// default, some 13 MB) and counts the ones it had to drop.
package trace

import (
	"fmt"
	"time"
)

// DefaultMaxEvents is the default cap on the events of one trace.
const DefaultMaxEvents = 200_000

// Option configures a trace.
type Option func(*config)

type config struct {
	clock func() time.Duration
	max   int
}

// WithClock makes the trace read time from clock, which returns the time
// elapsed since the trace started; it is read once per event, and the
// trace lasts until its last event. Tests use it to render byte-identical
// timelines.
func WithClock(clock func() time.Duration) Option {
	return func(c *config) { c.clock = clock }
}

// WithMaxEvents caps the number of events the trace keeps.
func WithMaxEvents(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.max = n
		}
	}
}

// Start begins a new trace, discarding the events of any previous one. The
// calling goroutine is named "main" unless it already has a name.
func Start(opts ...Option) {
	c := config{max: DefaultMaxEvents}
	for _, o := range opts {
		o(&c)
	}
	rec.start(c)
}

// Stop ends the trace and returns it. Stop without Start returns an empty
// trace.
func Stop() *Trace { return rec.stop() }

// Snapshot returns the trace so far without stopping it.
func Snapshot() *Trace { return rec.snapshot() }

// Reset discards the events recorded so far, and what is known of
// goroutines that ended; recording goes on.
func Reset() { rec.reset() }

// Enabled reports whether a trace is running.
func Enabled() bool { return rec.on.Load() }

// Full reports whether the running trace holds as many events as it may:
// what happens from now on is counted, not kept.
func Full() bool {
	c := rec.cfg.Load()
	return rec.on.Load() && c != nil && rec.count.Load() >= c.max
}

// Trace is a finished (or snapshotted) recording.
type Trace struct {
	Start      time.Time     // wall-clock time the trace started
	Duration   time.Duration // from start to stop (or snapshot)
	Events     []Event       // in the order they happened
	Goroutines []Goroutine   // the goroutines that acted, main first, then by start
	Objects    []Object      // every object the events refer to
	Dropped    int           // events not kept because the trace was full
	MaxEvents  int
}

// Goroutine describes a goroutine that acted during a trace.
type Goroutine struct {
	ID     int64
	Name   string // given when it was started; "" if unknown
	Pos    string // where it was started, when known
	Parent int64
	Label  string        // inherited group label (see SetLabel)
	Start  time.Duration // when it started; -1 if it started before the trace
	End    time.Duration // when it ended; -1 if it was still running at the end
	Panic  string        // the panic value, if it panicked

	// State at the end of the trace, for goroutines still running.
	Blocked   Reason
	BlockedOn ObjectID
	BlockedAt string

	order int64
}

// Title is the goroutine's name for people: its given name, or "goroutine N".
func (g *Goroutine) Title() string {
	if g.Name != "" {
		return g.Name
	}
	return fmt.Sprintf("goroutine %d", g.ID)
}

// Object returns the object with id, and whether it is known.
func (t *Trace) Object(id ObjectID) (Object, bool) {
	for _, o := range t.Objects {
		if o.ID == id {
			return o, true
		}
	}
	return Object{}, false
}

// ObjectName returns the name of the object with id, or "" for id 0.
func (t *Trace) ObjectName(id ObjectID) string {
	if id == 0 {
		return ""
	}
	if o, ok := t.Object(id); ok {
		return o.Name
	}
	return fmt.Sprintf("object%d", id)
}

// Goroutine returns the goroutine with id.
func (t *Trace) Goroutine(id int64) (Goroutine, bool) {
	for _, g := range t.Goroutines {
		if g.ID == id {
			return g, true
		}
	}
	return Goroutine{}, false
}
