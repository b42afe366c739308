// Package singleflight is golang.org/x/sync/singleflight, instrumented for
// goconc's timelines: each call is recorded as executed (this goroutine ran
// the function) or shared (it waited and got the result of another call),
// and a goroutine waiting for another's call is shown blocked.
package singleflight

import (
	"sync"

	"golang.org/x/sync/singleflight"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// Result holds the results of Do, for DoChan.
type Result = singleflight.Result

// Group represents a class of work and forms a namespace in which units of
// work can be executed with duplicate suppression. The zero value is ready.
type Group struct {
	g    singleflight.Group
	once sync.Once
	id   trace.ObjectID
	x    exploredCalls // the calls of explored runs
}

func (g *Group) object() trace.ObjectID {
	g.once.Do(func() { g.id = trace.NewObject(uintptrOf(g), trace.Flight, 0) })
	return g.id
}

// Do executes and returns the results of fn, making sure that only one
// execution is in flight for a given key at a time. If a duplicate comes
// in, the duplicate caller waits for the original to complete and receives
// the same results. shared reports whether v was given to multiple callers.
func (g *Group) Do(key string, fn func() (any, error)) (v any, err error, shared bool) {
	if x := explore.Current(); x != nil {
		return g.exploredDo(x, key, fn)
	}
	id := g.object()
	trace.BlockOn(trace.FlightWait, id, trace.Position(2))
	ran := false
	v, err, shared = g.g.Do(key, func() (any, error) {
		ran = true
		trace.Unblock()
		return fn()
	})
	if !ran {
		trace.Unblock()
	}
	if trace.Enabled() {
		arg := int64(0)
		if !ran {
			arg = 1
		}
		trace.Emit(trace.EvFlightCall, id, arg, key, "")
	}
	return v, err, shared
}

// DoChan is like Do but returns a channel that receives the results when
// they are ready. The call runs in a goroutine of its own.
func (g *Group) DoChan(key string, fn func() (any, error)) <-chan Result {
	if explore.Current() != nil {
		return g.exploredDoChan(key, fn)
	}
	id := g.object()
	parent := trace.MaybeFork() // a DoChan that joins a call starts nothing
	pos := trace.Position(2)
	return g.g.DoChan(key, func() (any, error) {
		trace.Enter("singleflight "+key, pos, parent)
		if trace.Enabled() {
			trace.Emit(trace.EvFlightCall, id, 0, key, "")
		}
		defer trace.Exit(nil, false)
		return fn()
	})
}

// Forget tells the group to forget about key: a later Do for it calls the
// function instead of waiting for an earlier call.
func (g *Group) Forget(key string) {
	if explore.Current() != nil {
		g.exploredForget(key)
		return
	}
	g.g.Forget(key)
}
