package trace

import (
	"reflect"
	"time"
	"unsafe"

	"github.com/petermattis/goid"

	"github.com/goconc/goconc/lib/explore"
)

// A program is deadlocked when every goroutine waits for another one. To
// tell that, a waiting goroutine must be known to wake up by itself or not:
// one in Sleep wakes up, and so does one receiving from a timer's channel,
// from the Done channel of a context with a deadline, or waiting for
// something a function started by time.AfterFunc will do. This file keeps
// what the package knows of such wake-ups.

// BlockTimed is BlockOn that also says whether a timer ends the wait if
// nobody else does: a select with a time.After case, a receive from a
// ticker, a semaphore acquired under a deadline.
func BlockTimed(reason Reason, obj ObjectID, pos string, timed bool) {
	block(reason, obj, pos, timed || reason.Timed())
}

// TimerChan reports whether a goroutine waiting on channel ch will be woken
// by a timer: ch belongs to a time.Timer or time.Ticker (time.After and
// time.Tick too), or it is the Done channel of a context whose deadline is
// still ahead. ch may be any value; values other than channels are not.
func TimerChan(ch any) bool {
	v := reflect.ValueOf(ch)
	if !v.IsValid() || v.Kind() != reflect.Chan || v.IsNil() {
		return false
	}
	if timerFieldWorks && (*hchanHead)(v.UnsafePointer()).timer != nil {
		return true
	}
	if rec.closings.Load() == 0 {
		return false
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	c, ok := rec.closing[v.Pointer()]
	return ok && time.Now().Before(c.by)
}

// closing is a channel that a timer closes.
type closing struct {
	ch any // held, so that no other channel takes its address
	by time.Time
}

// ClosesBy records that channel ch is closed by time d at the latest: ch is
// the Done channel of a context with deadline d.
func ClosesBy(ch any, d time.Time) {
	a, ok := addressOf(ch)
	if !ok {
		return
	}
	now := time.Now()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.closing == nil {
		rec.closing = map[uintptr]closing{}
	}
	if len(rec.closing) >= 1024 && len(rec.closing)%1024 == 0 {
		for a, c := range rec.closing {
			if now.After(c.by) {
				delete(rec.closing, a)
			}
		}
		rec.closings.Store(int64(len(rec.closing)))
	}
	rec.closing[a] = closing{ch, d}
	rec.closings.Store(int64(len(rec.closing)))
}

// AfterFunc is time.AfterFunc for instrumented code: f runs in a goroutine
// of its own, named "time.AfterFunc" and started by the caller, which
// timelines show and a Host can stop. Until f starts, the package counts a
// wake-up to come (see TimersPending).
func AfterFunc(d time.Duration, f func()) *time.Timer {
	pos := Position(2)
	parent := goid.Get()
	label := LabelOf(parent)
	if x := explore.Current(); x != nil {
		// In an explored run, f starts when virtual time has passed d.
		// The caller still gets a *time.Timer, one that never fires, so
		// that its Stop says whether f started, and stops it.
		handle := time.AfterFunc(time.Duration(1<<62), func() {})
		x.AfterFunc(d, handle.Stop, func(child *explore.G) {
			go run("time.AfterFunc", pos, Ticket{Parent: parent, Order: rec.order.Add(1), label: label, explored: child}, f)
		})
		return handle
	}
	due := time.Now().Add(d)
	rec.mu.Lock()
	rec.timerSeq++
	id := rec.timerSeq
	if rec.timers == nil {
		rec.timers = map[int64]time.Time{}
	}
	rec.timers[id] = due
	rec.mu.Unlock()
	return time.AfterFunc(d, func() {
		run("time.AfterFunc", pos, Ticket{Parent: parent, Order: rec.order.Add(1), label: label}, func() {
			rec.mu.Lock()
			delete(rec.timers, id)
			rec.mu.Unlock()
			f()
		})
	})
}

// timerGrace is how long after its due time a function of AfterFunc is
// still expected to start. Past it, the timer is taken to have been
// stopped (time.Timer.Stop cannot be watched).
var timerGrace = 2 * time.Second

// TimersPending returns how many functions given to AfterFunc are due to
// start: while there are any, no wait is hopeless.
func TimersPending() int {
	now := time.Now()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for id, due := range rec.timers {
		if now.After(due.Add(timerGrace)) {
			delete(rec.timers, id)
		}
	}
	return len(rec.timers)
}

// Starting returns how many goroutines were forked (see Fork) and have not
// entered yet: they are about to run.
func Starting() int64 { return rec.forks.Load() - rec.entered.Load() }

// hchanHead mirrors the first fields of the runtime's channel header
// (runtime/chan.go, Go 1.23 and later), up to the timer that feeds a
// timer's channel. timerFieldWorks checks the layout once at start; if the
// runtime ever changes it, TimerChan knows only contexts' deadlines.
type hchanHead struct {
	qcount   uint
	dataqsiz uint
	buf      unsafe.Pointer
	elemsize uint16
	closed   uint32
	timer    unsafe.Pointer
}

var timerFieldWorks = func() bool {
	t := time.NewTimer(time.Hour)
	defer t.Stop()
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	plain := make(chan time.Time)
	buffered := make(chan time.Time, 1)
	head := func(c any) *hchanHead { return (*hchanHead)(reflect.ValueOf(c).UnsafePointer()) }
	return head(t.C).timer != nil && head(tick.C).timer != nil &&
		head(plain).timer == nil && head(buffered).timer == nil
}()
