package explore

import (
	"container/heap"
	"time"
)

// A run's time is virtual: it starts at Options.Epoch and moves only when
// no goroutine can go on, straight to the next timer. Code between two
// scheduling points takes no time at all.

// timer is something due at a virtual time.
type timer struct {
	at   time.Duration
	seq  int // timers due at once fire in the order they were set
	fire func()
	dead bool // stopped
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)   { *h = append(*h, x.(*timer)) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	return t
}

// at sets a timer d from now. r.mu is held.
func (r *Run) at(d time.Duration, fire func()) *timer {
	if d < 0 {
		d = 0
	}
	r.tseq++
	t := &timer{at: r.now + d, seq: r.tseq, fire: fire}
	heap.Push(&r.timers, t)
	return t
}

// advance moves time to the next timer and fires every timer due then.
// r.mu is held.
func (r *Run) advance() {
	for len(r.timers) > 0 && r.timers[0].dead {
		heap.Pop(&r.timers)
	}
	if len(r.timers) == 0 {
		return
	}
	r.now = r.timers[0].at
	for len(r.timers) > 0 && r.timers[0].at == r.now {
		t := heap.Pop(&r.timers).(*timer)
		if !t.dead {
			t.dead = true
			t.fire()
		}
	}
}

// Now returns the run's virtual time.
func (g *G) Now() time.Time {
	r := g.r
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.opts.Epoch.Add(r.now)
}

// Sleep is time.Sleep in a run: a scheduling point, then a wait until
// virtual time has moved d on. It reports false if the run ended.
func (g *G) Sleep(d time.Duration, onBlock func()) bool {
	if d <= 0 {
		return g.Point()
	}
	var t *timer
	r := g.r
	set := func() bool {
		// The first attempt, in g itself, sets the timer; later ones
		// see whether it fired.
		if t == nil {
			t = r.at(d, func() { g.woken = true })
			g.woken = false
			return false
		}
		return g.woken
	}
	ok, _ := g.waitLocked(set, onBlock)
	return ok
}

// waitLocked is Wait for a try that reads or sets the run's own state (as
// timers do), so that must run with r.mu held: next holds it when it
// attempts an operation for a goroutine.
func (g *G) waitLocked(try func() bool, onBlock func()) (completed, waited bool) {
	r := g.r
	if !g.Point() {
		return false, false
	}
	r.mu.Lock()
	ok := try()
	r.mu.Unlock()
	if ok {
		return true, false
	}
	if onBlock != nil {
		onBlock()
	}
	r.mu.Lock()
	if r.over.Load() {
		r.mu.Unlock()
		return false, true
	}
	g.state, g.try, g.tried = blocked, try, r.gen+1
	return r.switchFrom(g), true
}

// After is time.After in a run: the channel gets the virtual time once d
// has passed.
func (g *G) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	r := g.r
	r.mu.Lock()
	defer r.mu.Unlock()
	r.at(d, func() {
		select {
		case ch <- r.opts.Epoch.Add(r.now):
		default:
		}
	})
	return ch
}

// Ticker is a ticker of virtual time.
type Ticker struct {
	C <-chan time.Time
	c chan time.Time
	r *Run
	t *timer
	d time.Duration
}

// Tick is time.NewTicker in a run: the channel gets the virtual time every
// d, dropping ticks nobody took, as a ticker does.
func (g *G) Tick(d time.Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	ch := make(chan time.Time, 1)
	r := g.r
	tk := &Ticker{C: ch, c: ch, r: r}
	r.mu.Lock()
	defer r.mu.Unlock()
	tk.arm(d)
	return tk
}

// arm sets the next tick d from now. r.mu is held.
func (tk *Ticker) arm(d time.Duration) {
	r := tk.r
	tk.d = d
	tk.t = r.at(d, func() {
		select {
		case tk.c <- r.opts.Epoch.Add(r.now):
		default:
		}
		tk.arm(d)
	})
}

// Stop stops the ticker; no tick is received after it, as with a ticker
// of Go 1.23 and later.
func (tk *Ticker) Stop() {
	tk.r.mu.Lock()
	defer tk.r.mu.Unlock()
	tk.t.dead = true
	drain(tk.c)
}

// Reset stops the ticker and starts it again with period d.
func (tk *Ticker) Reset(d time.Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	tk.r.mu.Lock()
	defer tk.r.mu.Unlock()
	tk.t.dead = true
	drain(tk.c)
	tk.arm(d)
}

// Timer is a timer of virtual time.
type Timer struct {
	C <-chan time.Time
	c chan time.Time
	r *Run
	t *timer
}

// NewTimer is time.NewTimer in a run: the channel gets the virtual time
// once d has passed.
func (g *G) NewTimer(d time.Duration) *Timer {
	ch := make(chan time.Time, 1)
	tm := &Timer{C: ch, c: ch, r: g.r}
	tm.r.mu.Lock()
	defer tm.r.mu.Unlock()
	tm.arm(d)
	return tm
}

func (tm *Timer) arm(d time.Duration) {
	r := tm.r
	tm.t = r.at(d, func() {
		select {
		case tm.c <- r.opts.Epoch.Add(r.now):
		default:
		}
	})
}

// Stop stops the timer and reports whether it had not fired yet; no
// value is received after it.
func (tm *Timer) Stop() bool {
	tm.r.mu.Lock()
	defer tm.r.mu.Unlock()
	was := !tm.t.dead
	tm.t.dead = true
	drain(tm.c)
	return was
}

// Reset sets the timer to fire d from now, and reports whether it had
// not fired yet.
func (tm *Timer) Reset(d time.Duration) bool {
	tm.r.mu.Lock()
	defer tm.r.mu.Unlock()
	was := !tm.t.dead
	tm.t.dead = true
	drain(tm.c)
	tm.arm(d)
	return was
}

// drain empties a timer's channel of a value nobody took.
func drain(c chan time.Time) {
	select {
	case <-c:
	default:
	}
}

// Timer calls fire once virtual time has passed d, in whichever goroutine
// holds the turn then, with the run's lock held: fire must not call into
// the run (closing a channel, cancelling a context are fine). The returned
// stop cancels it and reports whether it had not fired yet.
func (g *G) Timer(d time.Duration, fire func()) (stop func() bool) {
	r := g.r
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.at(d, fire)
	return func() bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		was := !t.dead
		t.dead = true
		return was
	}
}

// AfterFunc arranges for start to be called when d has passed, if ok()
// still says so then, with a goroutine forked from g: start must start a
// goroutine that calls Enter on it. Both are called as Timer calls fire.
func (g *G) AfterFunc(d time.Duration, ok func() bool, start func(child *G)) (stop func() bool) {
	r := g.r
	return g.Timer(d, func() {
		if ok == nil || ok() {
			start(r.newG(g))
		}
	})
}
