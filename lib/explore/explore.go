// Package explore runs concurrent code under a scheduler it controls, so
// that a program with many possible runs can be run under chosen ones, each
// of them repeatable.
//
// The goroutines of an explored run take turns: exactly one runs at a time.
// Each stops at scheduling points, the places where the order of goroutines
// can change what happens: channel operations, locks, WaitGroups, go
// statements, sleeps, and the reads and writes of shared memory that
// instrumented code announces. There the scheduler decides who goes on, as
// the run's Schedule says: by a random walk, or by PCT (probabilistic
// concurrency testing, Burckhardt et al., ASPLOS 2010), which finds a bug
// that needs d goroutine switches in the right places with a probability it
// can state. A Schedule is a few numbers and its Token names it, so a run
// can be repeated exactly: the same choices at the same points.
//
// Time is virtual. Sleeps and timers of an explored run end when every
// goroutine is blocked, at once, as with testing/synctest, so a schedule of
// a cell that sleeps for a second takes no second.
//
// Instrumented code (goconc's lib and the kernel's hooks) asks Current for
// the calling goroutine: outside an explored run, or in a goroutine the run
// does not control, it returns nil and the code runs as it always does.
//
//	r := explore.Begin(explore.Plan(seed, i, 0), explore.Options{})
//	go func() { r.Adopt(); defer r.Done(); code() }()
//	res := r.Wait()
package explore

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/petermattis/goid"
)

// DefaultMaxSteps is how many scheduling points a run may pass before it
// is cut: a run that does not end (a livelock) must not explore for ever.
const DefaultMaxSteps = 200_000

// Options configure a run.
type Options struct {
	// MaxSteps cuts the run after that many scheduling points
	// (DefaultMaxSteps if 0).
	MaxSteps int
	// Deadlocked is called when every goroutine of the run is blocked and
	// no timer can wake any, before they are halted: the goroutines are
	// still in their waits, so their states can be read. It runs in one of
	// the run's goroutines and must not call back into the run.
	Deadlocked func()
	// Epoch is what time.Now reads at the start of the run.
	Epoch time.Time
}

// Ending says how a run ended.
type Ending int

const (
	Finished   Ending = iota // the main goroutine returned
	Deadlocked               // every goroutine was blocked for ever
	Cut                      // it passed MaxSteps scheduling points
	Aborted                  // Abort was called: a panic, an interrupt, a time limit
)

func (e Ending) String() string {
	switch e {
	case Finished:
		return "finished"
	case Deadlocked:
		return "deadlocked"
	case Cut:
		return "cut"
	case Aborted:
		return "aborted"
	}
	return "ending?"
}

// Result is how a run went.
type Result struct {
	Ending Ending
	Reason string // for Aborted: what Abort was given
	Steps  int    // scheduling points passed
	// Choices counts the points where more than one goroutine could have
	// gone on: the decisions that made this run what it was.
	Choices int
	// Elapsed is the virtual time the run took.
	Elapsed time.Duration
	// Stragglers counts goroutines that had not ended when Wait gave up on
	// them (blocked in code the run does not control).
	Stragglers int
}

// active is the run in progress, if any. Only one run is in progress at a
// time: the scheduler is the process's.
var active atomic.Pointer[Run]

// controlled counts the goroutines of runs that have not ended: while it is
// zero, Current costs one atomic load.
var controlled atomic.Int64

// registry maps runtime goroutine ids to the goroutines of runs.
var registry sync.Map // int64 -> *G

// Current returns the calling goroutine if it takes part in a run in
// progress, and nil otherwise.
func Current() *G {
	if controlled.Load() == 0 {
		return nil
	}
	v, ok := registry.Load(goid.Get())
	if !ok {
		return nil
	}
	g := v.(*G)
	if g.r.over.Load() {
		return nil
	}
	return g
}

// InProgress reports whether a run is in progress.
func InProgress() bool { return active.Load() != nil }

// Begin starts a run under schedule s. The goroutine that then calls Adopt
// becomes the run's main goroutine; goroutines it starts (through Fork and
// Enter) take part too. Begin panics if another run is in progress.
func Begin(s Schedule, opts Options) *Run {
	if opts.MaxSteps <= 0 {
		opts.MaxSteps = DefaultMaxSteps
	}
	if opts.Epoch.IsZero() {
		opts.Epoch = time.Now()
	}
	r := &Run{
		plan:    s,
		opts:    opts,
		strat:   newStrategy(s),
		closed:  map[uintptr]bool{},
		abortCh: make(chan struct{}),
		quiet:   make(chan struct{}),
	}
	if !active.CompareAndSwap(nil, r) {
		panic("explore: Begin while another run is in progress")
	}
	go r.watch()
	return r
}

// Adopt makes the calling goroutine the main goroutine of r, running from
// now on. Call it once, first thing, in the goroutine that runs the code to
// explore.
func (r *Run) Adopt() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.main != nil {
		panic("explore: Adopt called twice")
	}
	g := r.newG(nil)
	g.register(goid.Get(), true)
	g.state = running
	r.main, r.holder = g, g
}

// Adopted reports whether the run has its main goroutine.
func (r *Run) Adopted() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.main != nil
}

// Done says the main goroutine's code returned, as main returning ends a
// program: the run ends, and every other goroutine of it is halted. Call it
// in the main goroutine (a deferred call), or after it ended.
func (r *Run) Done() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.main != nil && r.main.state != done {
		r.finishLocked(r.main)
	}
	r.abortLocked(Finished, "")
}

// Abort ends the run from any goroutine: its goroutines are halted at their
// next scheduling point, or at once if they are waiting for their turn.
func (r *Run) Abort(reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.abortLocked(Aborted, reason)
}

// Over reports whether the run has ended (its goroutines may still be
// unwinding).
func (r *Run) Over() bool { return r.over.Load() }

// Wait waits until the run is over and every goroutine of it has ended, or
// until linger has passed since it was over, and returns how it went. It
// ends the run in progress, so that another may begin.
func (r *Run) Wait(linger time.Duration) Result {
	<-r.abortCh
	t := time.NewTimer(linger)
	defer t.Stop()
	select {
	case <-r.quiet:
	case <-t.C:
	}
	r.mu.Lock()
	res := r.res
	res.Steps, res.Choices, res.Elapsed = r.steps, r.strat.choices(), r.now
	for _, g := range r.all {
		if g.state != done {
			res.Stragglers++
		}
	}
	r.mu.Unlock()
	active.CompareAndSwap(r, nil)
	return res
}

// Paths returns, for each goroutine of the run by runtime id, its Path.
func (r *Run) Paths() map[int64]string {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := make(map[int64]string, len(r.all))
	for _, g := range r.all {
		if g.goid != 0 {
			m[g.goid] = g.path
		}
	}
	return m
}

// Schedule returns the schedule r runs under.
func (r *Run) Schedule() Schedule { return r.plan }

func (e Ending) describe(reason string) string {
	if reason == "" {
		return e.String()
	}
	return fmt.Sprintf("%s: %s", e, reason)
}

// RunFunc runs f as the main goroutine of a run under schedule s and
// returns how the run went. Compiled code explores this way when it
// starts goroutines and waits through goconc's lib (trace.Go, lib/sync,
// lib/context, lib/chans): those are what the scheduler sees. A goroutine
// halted because the run ended unwinds with a panic, which RunFunc
// recovers in f's goroutine.
func RunFunc(s Schedule, opts Options, f func()) Result {
	r := Begin(s, opts)
	go func() {
		defer func() { _ = recover() }()
		r.Adopt()
		defer r.Done()
		f()
	}()
	return r.Wait(5 * time.Second)
}
