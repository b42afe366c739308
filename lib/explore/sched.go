package explore

import (
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/petermattis/goid"
)

// Run is one run of code under a schedule.
type Run struct {
	plan  Schedule
	opts  Options
	strat strategy

	over    atomic.Bool
	abortCh chan struct{} // closed when the run is over
	quiet   chan struct{} // closed when every goroutine of the run has ended

	mu     sync.Mutex
	main   *G
	holder *G   // the goroutine whose turn it is
	all    []*G // in the order they were made
	live   int  // goroutines not done
	gen    uint64
	steps  int
	now    time.Duration
	timers timerHeap
	tseq   int
	closed map[uintptr]bool // channels known to be closed
	res    Result

	quietClosed bool
}

// state is where a goroutine of a run is.
type state int

const (
	fresh    state = iota // forked, its goroutine not yet at Enter
	runnable              // waiting for its turn
	running               // its turn: the holder
	blocked               // waiting for an operation that cannot complete yet
	away                  // gave up its turn while blocked in code the run does not see (see watch)
	done
)

// G is a goroutine of a run.
type G struct {
	r      *Run
	id     int    // in the order the run made them: 0 is main
	path   string // "0", "0.2", "0.2.1": who started it, stable across runs
	parent *G
	kids   int
	goid   int64
	wake   chan struct{} // its turn has come
	state  state
	prio   int

	// While blocked: try attempts the operation (on the goroutine's
	// behalf, in whichever goroutine holds the turn); tried is the
	// generation of its last failed attempt. Nothing changes between two
	// scheduling points but what the holder does, so an attempt that
	// failed is worth repeating only at a later generation.
	try   func() bool
	tried uint64
	sel   *selectOp
	woken bool // a sleep's timer fired
}

// ID returns the goroutine's number in its run: 0 for main, then in the
// order they were started.
func (g *G) ID() int { return g.id }

// Path names the goroutine by who started it: "0" is main, "0.2" the
// second goroutine main started. Unlike ID, it does not depend on the
// schedule.
func (g *G) Path() string { return g.path }

func (r *Run) newG(parent *G) *G {
	g := &G{r: r, id: len(r.all), parent: parent, wake: make(chan struct{}, 1)}
	if parent == nil {
		g.path = "0"
	} else {
		parent.kids++
		g.path = parent.path + "." + strconv.Itoa(parent.kids)
	}
	r.all = append(r.all, g)
	r.live++
	r.strat.created(g)
	return g
}

// register makes g the goroutine with runtime id id. Its goid is written
// under r.mu, which the caller holds if locked.
func (g *G) register(id int64, locked bool) {
	if !locked {
		g.r.mu.Lock()
	}
	g.goid = id
	if !locked {
		g.r.mu.Unlock()
	}
	registry.Store(id, g)
	controlled.Add(1)
}

// Fork makes the goroutine that g is about to start part of the run. The
// new goroutine calls Enter on the result first thing.
func (g *G) Fork() *G {
	r := g.r
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.newG(g)
}

// Enter makes the calling goroutine the one Fork made, and waits for its
// turn. It reports false if the run ended first: the goroutine must then
// unwind without running its code.
func (g *G) Enter() bool {
	g.register(goid.Get(), false)
	return g.park()
}

// Exit says the calling goroutine, if it took part in a run (even one now
// over), ended; panicked says it ended by a panic, which ends the run at
// once, as a panic ends a program: nobody else takes a turn.
func Exit(panicked bool) {
	if controlled.Load() == 0 {
		return
	}
	if v, ok := registry.Load(goid.Get()); ok {
		v.(*G).exit(panicked)
	}
}

// Exit says the goroutine ended; its turn passes on.
func (g *G) Exit() { g.exit(false) }

func (g *G) exit(panicked bool) {
	registry.Delete(g.goid)
	controlled.Add(-1)
	r := g.r
	r.mu.Lock()
	defer r.mu.Unlock()
	r.finishLocked(g)
	if panicked {
		r.abortLocked(Aborted, "panic")
	}
	if r.over.Load() || (r.holder != g && r.holder != nil) {
		return
	}
	r.pass(g)
}

// Adopt makes the calling goroutine the main goroutine of the run in
// progress, if it has none yet, and reports whether it did.
func Adopt() bool {
	r := active.Load()
	if r == nil {
		return false
	}
	r.mu.Lock()
	has := r.main != nil
	r.mu.Unlock()
	if has {
		return false
	}
	r.Adopt()
	return true
}

// finishLocked marks g done. r.mu is held.
func (r *Run) finishLocked(g *G) {
	if g.state == done {
		return
	}
	if g == r.main {
		registry.Delete(g.goid)
		controlled.Add(-1)
	}
	g.state = done
	r.live--
	r.checkQuiet()
}

// checkQuiet closes quiet once the run is over and every goroutine of it
// ended, but those away in code it does not see, which may never come
// back (a server's Accept). r.mu is held.
func (r *Run) checkQuiet() {
	if r.over.Load() && r.live-r.awayCount() == 0 && !r.quietClosed {
		r.quietClosed = true
		close(r.quiet)
	}
}

// Point is a scheduling point of g, the goroutine holding the turn: another
// goroutine may run before g goes on. It reports false if the run ended:
// g must unwind.
func (g *G) Point() bool {
	r := g.r
	r.mu.Lock()
	if r.over.Load() {
		r.mu.Unlock()
		return false
	}
	if g.state == away {
		return r.rejoin(g)
	}
	g.state = runnable
	return r.switchFrom(g)
}

// rejoin takes g, back from code the run does not see, into the run: it
// takes the turn if nobody holds it, and waits for it otherwise. r.mu is
// held, and released.
func (r *Run) rejoin(g *G) bool {
	if r.holder == nil {
		g.state, r.holder = running, g
		r.mu.Unlock()
		return true
	}
	g.state = runnable
	r.mu.Unlock()
	return g.park()
}

// Wait is a scheduling point followed by an operation that may have to
// wait: try attempts it without waiting and reports whether it completed.
// If it cannot complete, onBlock is called (in g, which then records its
// wait) and g waits until an attempt made for it succeeds. Wait reports
// whether the operation completed and whether g had to wait; if not
// completed, the run ended and g must unwind.
func (g *G) Wait(try func() bool, onBlock func()) (completed, waited bool) {
	if !g.Point() {
		return false, false
	}
	if try() {
		return true, false
	}
	if onBlock != nil {
		onBlock()
	}
	r := g.r
	r.mu.Lock()
	if r.over.Load() {
		r.mu.Unlock()
		return false, true
	}
	// Its attempt just failed: the next one is worth making once
	// something else happened, after the generation switchFrom begins.
	g.state, g.try, g.tried = blocked, try, r.gen+1
	ok := r.switchFrom(g)
	return ok, true
}

// switchFrom chooses who goes on after g, whose state says why it stopped,
// hands over the turn, and waits for g's next turn. r.mu is held, and is
// released. It reports false if the run ended.
func (r *Run) switchFrom(g *G) bool {
	r.gen++
	r.steps++
	if r.steps > r.opts.MaxSteps {
		r.abortLocked(Cut, "")
		r.mu.Unlock()
		return false
	}
	r.strat.step(g, r.steps)
	next := r.next()
	if next == nil && r.awayCount() > 0 {
		// Only a goroutine blocked outside the run can act: wait for
		// it to come back (see rejoin).
		r.holder = nil
		r.mu.Unlock()
		return g.park()
	}
	if next == nil {
		r.deadlockLocked()
		r.mu.Unlock()
		return false
	}
	if next == g {
		g.state = running
		r.holder = g
		r.mu.Unlock()
		return true
	}
	r.handTo(next)
	r.mu.Unlock()
	return g.park()
}

// pass hands the turn of g, which ended, to the next goroutine. r.mu is
// held.
func (r *Run) pass(g *G) {
	r.gen++
	r.steps++
	next := r.next()
	if next == nil {
		r.holder = nil
		if r.live > 0 && r.awayCount() == 0 {
			r.deadlockLocked()
		}
		return
	}
	r.handTo(next)
}

// awayCount returns how many goroutines are away (see watch). r.mu is
// held.
func (r *Run) awayCount() int {
	n := 0
	for _, g := range r.all {
		if g.state == away {
			n++
		}
	}
	return n
}

func (r *Run) handTo(next *G) {
	next.state = running
	next.try, next.sel = nil, nil
	r.holder = next
	next.wake <- struct{}{}
}

// park waits for g's turn; false if the run ended first.
func (g *G) park() bool {
	select {
	case <-g.wake:
		return !g.r.over.Load()
	case <-g.r.abortCh:
		return false
	}
}

// next returns the goroutine that goes on: one chosen by the strategy among
// those that can. A blocked goroutine can go on if its operation, attempted
// now, completes. When none can, virtual time moves to the next timer. It
// returns nil when nothing can ever go on: a deadlock. r.mu is held.
func (r *Run) next() *G {
	const maxIdleTicks = 10_000 // timers firing with nobody able to go on
	for idle := 0; ; idle++ {
		cands := r.candidates()
		for len(cands) > 0 {
			i := r.strat.pick(cands)
			c := cands[i]
			if c.state != blocked {
				return c
			}
			if c.try() {
				c.state = runnable
				return c
			}
			c.tried = r.gen
			cands = append(cands[:i], cands[i+1:]...)
		}
		if len(r.timers) == 0 || idle >= maxIdleTicks {
			return nil
		}
		r.advance()
		r.gen++
	}
}

// candidates returns the goroutines that may go on, in the order they were
// made: runnable ones, and blocked ones not attempted in this generation.
func (r *Run) candidates() []*G {
	var out []*G
	for _, g := range r.all {
		switch g.state {
		case fresh, runnable, running:
			out = append(out, g)
		case blocked:
			if g.tried != r.gen {
				out = append(out, g)
			}
		}
	}
	return out
}

// deadlockLocked ends the run as deadlocked. r.mu is held; Deadlocked is
// called with it held too, while every goroutine is still in its wait.
func (r *Run) deadlockLocked() {
	if r.over.Load() {
		return
	}
	if f := r.opts.Deadlocked; f != nil {
		f()
	}
	r.abortLocked(Deadlocked, "")
}

// abortLocked ends the run. r.mu is held.
func (r *Run) abortLocked(e Ending, reason string) {
	if r.over.Load() {
		return
	}
	r.res = Result{Ending: e, Reason: reason}
	r.over.Store(true)
	close(r.abortCh)
	r.checkQuiet()
}
