package trace

import (
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
)

// Host lets a program that runs code on behalf of others, such as
// goconc's kernel, stop goroutines blocked in the lib's primitives. Without
// a host, as in ordinary programs, the primitives block exactly as the
// standard ones do.
type Host interface {
	// Stop returns a channel that is closed when the calling goroutine
	// must stop, or nil.
	Stop() <-chan struct{}
	// Halt unwinds the calling goroutine; it does not return.
	Halt()
	// Panicked reports that a goroutine the lib started panicked with
	// value; the goroutine then ends instead of crashing the program.
	Panicked(value any)
}

// EnterWatcher is a Host that wants to know of every goroutine that
// enters (see Enter): goconc's evaluator keeps their names where its crash
// report can find them.
type EnterWatcher interface {
	Entered(g int64, name, pos string)
}

var host atomic.Pointer[Host]

// SetHost installs h; nil removes the host.
func SetHost(h Host) {
	if h == nil {
		host.Store(nil)
		return
	}
	host.Store(&h)
}

// Stopped returns the calling goroutine's stop channel, nil without a host.
// Instrumented primitives wait on it while they block.
func Stopped() <-chan struct{} {
	if h := host.Load(); h != nil {
		return (*h).Stop()
	}
	return nil
}

// Halt unwinds the calling goroutine after its stop channel closed: the
// goroutine is no longer blocked, then the host's Halt panics.
func Halt() {
	unblock()
	if h := host.Load(); h != nil {
		(*h).Halt()
	}
	panic("trace: Halt without a host")
}

// Position returns where the calling goroutine is, for instrumented
// primitives that block: the position the host last gave with SetPosition,
// or without a host, the caller skip frames up.
func Position(skip int) string {
	pos := ""
	if s, ok := rec.gmap.Load(goidGet()); ok {
		s.mu.Lock()
		pos = s.at
		s.mu.Unlock()
	}
	if pos != "" || host.Load() != nil {
		// Under a host, the callers are the host's machinery (an
		// interpreter's), which means nothing to the user.
		return pos
	}
	return callerPos(skip + 1)
}

// SetPosition records where the calling goroutine is in source an
// interpreter runs, so that a primitive blocking next reports that place.
func SetPosition(pos string) {
	s := rec.gstate(goidGet())
	s.mu.Lock()
	s.at = pos
	s.mu.Unlock()
}

// Spawn starts f in a new goroutine named name, started at pos by the
// calling goroutine. Primitives that start goroutines (WaitGroup.Go,
// errgroup) use it. A panic in f crashes the program, as in any goroutine,
// unless a host is installed: then the host is told and the goroutine ends.
func Spawn(name, pos string, f func()) {
	t := Fork()
	go run(name, pos, t, f)
	ExploredPoint() // in an explored run, the new goroutine may go first

}

// run runs f as the goroutine of ticket t, recovering a panic as Spawn says.
func run(name, pos string, t Ticket, f func()) {
	Enter(name, pos, t)
	ok := false
	defer func() {
		if ok {
			Exit(nil, false)
			return
		}
		r := recover()
		if r == nil { // runtime.Goexit
			Exit(nil, false)
			return
		}
		if h := host.Load(); h != nil {
			var text any = r
			if w, ok := (*h).(interface{ PanicText(any) string }); ok {
				text = w.PanicText(r)
			}
			if explore.Current() != nil {
				// In an explored run the host hears of the panic while
				// this goroutine holds the turn; exiting ends the run.
				(*h).Panicked(r)
				Exit(text, true)
				return
			}
			Exit(text, true)
			(*h).Panicked(r)
			return
		}
		Exit(r, true)
		panic(r)
	}()
	f()
	ok = true
}
