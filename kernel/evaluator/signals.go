package evaluator

import (
	"context"
	"os"
	"os/signal"
	"reflect"
	"sync"
	"syscall"

	"github.com/traefik/yaegi/interp"
)

// A Go program that calls signal.Notify for os.Interrupt gets Ctrl-C as a
// value on its channel instead of dying of it, and shuts down its own way
// (Go by Example's "Signals", a server's signal.NotifyContext). In a
// notebook the interrupt button is Ctrl-C: so while such a registration
// lives, the kernel sends a cell's first interrupt to the program as
// SIGINT (evalproto.OpSignal), and a second one stops the cell.
//
// And a goroutine waiting for a signal is not deadlocked: a signal can
// come. Go's runtime reports no deadlock once a program waits for signals;
// the evaluator reports none while a registration lives.
//
// The evaluator learns of registrations by standing in for os/signal's
// Notify, NotifyContext, Stop, Reset and Ignore, which then call the real
// ones.

// signalRegs are the program's live signal registrations.
type signalRegs struct {
	mu     sync.Mutex
	regs   map[any]*signalReg // by channel, or by a NotifyContext's own key
	wanted bool               // some registration takes os.Interrupt
	// report tells the kernel when wanted changes; nil outside a kernel.
	report func(interrupt bool)
	// cell returns the cell running, whose registrations go when it is
	// stopped (forget); nil outside an evaluator.
	cell func() string
}

// signalReg is what one channel receives: every signal but removed, or
// only sigs.
type signalReg struct {
	all     bool
	sigs    map[os.Signal]bool
	removed map[os.Signal]bool
	cell    string // the cell running when it was made
	stop    func() // undoes it in the runtime
}

func (r *signalReg) takes(s os.Signal) bool {
	if r.all {
		return !r.removed[s]
	}
	return r.sigs[s]
}

func (r *signalReg) add(sigs []os.Signal) {
	if len(sigs) == 0 {
		r.all, r.sigs, r.removed = true, nil, nil
		return
	}
	for _, s := range sigs {
		if r.all {
			delete(r.removed, s)
			continue
		}
		if r.sigs == nil {
			r.sigs = map[os.Signal]bool{}
		}
		r.sigs[s] = true
	}
}

// remove takes sigs from r and reports whether r still takes any.
func (r *signalReg) remove(sigs []os.Signal) bool {
	for _, s := range sigs {
		if r.all {
			if r.removed == nil {
				r.removed = map[os.Signal]bool{}
			}
			r.removed[s] = true
			continue
		}
		delete(r.sigs, s)
	}
	return r.all || len(r.sigs) > 0
}

// changed recomputes wanted, and reports it to the kernel if it changed.
// The caller holds mu.
func (g *signalRegs) changed() {
	wanted := false
	for _, r := range g.regs {
		wanted = wanted || r.takes(os.Interrupt)
	}
	if wanted != g.wanted {
		g.wanted = wanted
		if g.report != nil {
			g.report(wanted)
		}
	}
}

func (g *signalRegs) notify(c chan<- os.Signal, sigs ...os.Signal) {
	g.mu.Lock()
	defer g.mu.Unlock()
	signal.Notify(c, sigs...)
	if c == nil {
		return // signal.Notify panics first
	}
	g.register(c, sigs, func() { signal.Stop(c) })
}

func (g *signalRegs) register(key any, sigs []os.Signal, stop func()) {
	if g.regs == nil {
		g.regs = map[any]*signalReg{}
	}
	r := g.regs[key]
	if r == nil {
		r = &signalReg{stop: stop}
		if g.cell != nil {
			r.cell = g.cell()
		}
		g.regs[key] = r
	}
	r.add(sigs)
	g.changed()
}

// forget undoes the registrations made while cell ran, which was stopped
// (interrupted, deadlocked, panicked): its goroutines, which waited on
// their channels, are gone, and a registration left would keep every
// later deadlock from being reported.
func (g *signalRegs) forget(cell string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for key, r := range g.regs {
		if r.cell == cell {
			r.stop()
			delete(g.regs, key)
		}
	}
	g.changed()
}

func (g *signalRegs) stop(c chan<- os.Signal) {
	g.mu.Lock()
	defer g.mu.Unlock()
	signal.Stop(c)
	delete(g.regs, c)
	g.changed()
}

// unregister removes sigs (every signal if none) from every registration,
// after do (signal.Reset or signal.Ignore) did so in the runtime.
func (g *signalRegs) unregister(do func(...os.Signal), sigs []os.Signal) {
	g.mu.Lock()
	defer g.mu.Unlock()
	do(sigs...)
	for key, r := range g.regs {
		if len(sigs) == 0 || !r.remove(sigs) {
			delete(g.regs, key)
		}
	}
	g.changed()
}

func (g *signalRegs) notifyContext(parent context.Context, sigs ...os.Signal) (context.Context, context.CancelFunc) {
	g.mu.Lock()
	defer g.mu.Unlock()
	ctx, stop := signal.NotifyContext(parent, sigs...)
	key := new(int)
	g.register(key, sigs, stop)
	return ctx, func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		stop()
		delete(g.regs, key)
		g.changed()
	}
}

// live reports whether the program waits for any signal.
func (g *signalRegs) live() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.regs) > 0
}

// interrupt sends the program os.Interrupt if it waits for it, and reports
// whether it did. Under mu, so that no Stop or Reset comes between: a
// SIGINT nobody waits for ends a Go program.
func (g *signalRegs) interrupt() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.wanted && syscall.Kill(os.Getpid(), syscall.SIGINT) == nil
}

func (g *signalRegs) exports() interp.Exports {
	return interp.Exports{"os/signal/signal": {
		"Notify":        reflect.ValueOf(g.notify),
		"NotifyContext": reflect.ValueOf(g.notifyContext),
		"Stop":          reflect.ValueOf(g.stop),
		"Reset":         reflect.ValueOf(func(sigs ...os.Signal) { g.unregister(signal.Reset, sigs) }),
		"Ignore":        reflect.ValueOf(func(sigs ...os.Signal) { g.unregister(signal.Ignore, sigs) }),
	}}
}
