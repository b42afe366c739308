package evaluator

import (
	"slices"
	"strings"
	"sync"

	"github.com/petermattis/goid"
)

// A deferred call of a notebook function recovers through these (see
// program's rewriteDefers): Yaegi finds a panic only from a function
// literal deferred in place, so such a literal takes the panic and leaves
// it here, for the recover() calls of the function it calls; what none of
// them takes is raised again.

// pending are the panics deferred calls are running under, by goroutine:
// the innermost first, the ones it interrupted after it.
var pending sync.Map // goroutine id -> *deferredPanic

// deferredPanic is a panic a deferred call runs under.
type deferredPanic struct {
	v     any
	fn    string // the function whose recover() may take it
	taken bool
	// entered: fn's frame has begun (recoverFrame); a call of fn it
	// makes is not the deferred call, and its recover() returns nil.
	entered bool
	gid     int64
	outer   *deferredPanic
	// ranged: the panic, nil if none, that the defers of a
	// range-over-function body run under (newRangeDefers).
	ranged bool
}

// takeDeferredPanic returns the panic the innermost deferred call of the
// running goroutine runs under, once, for a recover() in fn, the function
// deferred; nil if there is none.
func takeDeferredPanic(fn string) any {
	x, ok := pending.Load(goid.Get())
	if !ok {
		return nil
	}
	p := x.(*deferredPanic)
	if p.taken || !p.recoversIn(fn) {
		return nil
	}
	p.taken = true
	return p.v
}

// recoverFrame is RecoverFrame, called as fn, a function that calls
// recover(), begins: it reports whether this frame is the deferred call
// of fn that the innermost panic runs under, the first of fn's frames
// since the deferred call began; withoutRecoverRecursive(0), deferred,
// calling withoutRecoverRecursive(1), whose recover() must return nil
// (Go's test/recover.go).
func recoverFrame(fn string) bool {
	x, ok := pending.Load(goid.Get())
	if !ok {
		return false
	}
	p := x.(*deferredPanic)
	if !p.recoversIn(fn) || p.entered {
		return false
	}
	p.entered = true
	return true
}

// recoversIn reports whether the recover() of fn may take p: fn is the
// function deferred, or one of the methods a deferred call of an
// interface's method may be ("(*main.T1).M|(main.T2).M").
func (p *deferredPanic) recoversIn(fn string) bool {
	return fn != "" && slices.Contains(strings.Split(p.fn, "|"), fn)
}

// newDeferredPanic is DeferredPanic: it leaves v, the value the literal's
// recover() took, for the call it makes. Nothing is left if there was no
// panic.
func newDeferredPanic(v any, fn string) *deferredPanic {
	if v == nil {
		return nil
	}
	return push(&deferredPanic{v: v, fn: fn, gid: goid.Get()})
}

// newRangeDefers is RangeDefers: it leaves v, the panic the runner of the
// defers of a range-over-function body took (nil if none), for those
// deferred calls, which allowRecover then names one by one. Left even
// without a panic, so that no call takes one of an outer deferred call's.
func newRangeDefers(v any) *deferredPanic {
	return push(&deferredPanic{v: v, gid: goid.Get(), ranged: true})
}

func push(p *deferredPanic) *deferredPanic {
	if outer, ok := pending.Load(p.gid); ok {
		p.outer = outer.(*deferredPanic)
	}
	pending.Store(p.gid, p)
	return p
}

// Repanic raises the panic again if no recover() took it.
func (p *deferredPanic) Repanic() {
	if p != nil && !p.taken && p.v != nil {
		panic(p.v)
	}
}

// allowRecover lets the recover() of fn take the panic the innermost
// deferred call of the running goroutine runs under: the defers of a
// range-over-function body run one after the other under one panic, and
// each may take it (program's rangeFunc).
func allowRecover(fn string) {
	if x, ok := pending.Load(goid.Get()); ok && x.(*deferredPanic).ranged {
		x.(*deferredPanic).fn = fn
		x.(*deferredPanic).entered = false
	}
}

// Pop forgets the panic once the deferred call is over, however it ended.
func (p *deferredPanic) Pop() {
	if p == nil {
		return
	}
	if p.outer != nil {
		pending.Store(p.gid, p.outer)
	} else {
		pending.Delete(p.gid)
	}
}
