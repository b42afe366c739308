package singleflight

import (
	"sync"
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// In an explored run (package explore), a caller waiting for another's call
// must wait through the run's scheduler, which x/sync's group, waiting on a
// WaitGroup of its own, cannot do: the group keeps the calls of explored
// runs here. They behave as x/sync's: one execution per key in flight,
// duplicates wait and share its results.

type exploredCall struct {
	done   atomic.Bool
	val    any
	err    error
	dups   int
	chans  []chan Result
	caller bool // a Do waits for it (not only DoChan)
}

type exploredCalls struct {
	mu sync.Mutex // held only between scheduling points: never contended
	m  map[string]*exploredCall
}

// exploredDo is Do for goroutine x of an explored run.
func (g *Group) exploredDo(x *explore.G, key string, fn func() (any, error)) (any, error, bool) {
	id := g.object()
	trace.ExploredPoint()
	g.x.mu.Lock()
	if g.x.m == nil {
		g.x.m = map[string]*exploredCall{}
	}
	if c, ok := g.x.m[key]; ok {
		c.dups++
		g.x.mu.Unlock()
		trace.ExploredWait(func() (bool, bool) {
			return x.Wait(c.done.Load, func() { trace.BlockOn(trace.FlightWait, id, trace.Position(5)) })
		})
		if trace.Enabled() {
			trace.Emit(trace.EvFlightCall, id, 1, key, "")
		}
		return c.val, c.err, true
	}
	c := &exploredCall{caller: true}
	g.x.m[key] = c
	g.x.mu.Unlock()
	if trace.Enabled() {
		trace.Emit(trace.EvFlightCall, id, 0, key, "")
	}
	g.exploredRun(key, c, fn)
	return c.val, c.err, c.dups > 0
}

// exploredDoChan is DoChan for goroutine x of an explored run.
func (g *Group) exploredDoChan(key string, fn func() (any, error)) <-chan Result {
	id := g.object()
	ch := make(chan Result, 1)
	trace.ExploredPoint()
	g.x.mu.Lock()
	if g.x.m == nil {
		g.x.m = map[string]*exploredCall{}
	}
	if c, ok := g.x.m[key]; ok {
		c.dups++
		c.chans = append(c.chans, ch)
		g.x.mu.Unlock()
		return ch
	}
	c := &exploredCall{chans: []chan Result{ch}}
	g.x.m[key] = c
	g.x.mu.Unlock()
	trace.Spawn("singleflight "+key, trace.Position(2), func() {
		if trace.Enabled() {
			trace.Emit(trace.EvFlightCall, id, 0, key, "")
		}
		g.exploredRun(key, c, fn)
	})
	return ch
}

// exploredRun runs the call and hands its results to those waiting.
func (g *Group) exploredRun(key string, c *exploredCall, fn func() (any, error)) {
	defer func() {
		g.x.mu.Lock()
		if g.x.m[key] == c {
			delete(g.x.m, key)
		}
		g.x.mu.Unlock()
		for _, ch := range c.chans {
			ch <- Result{Val: c.val, Err: c.err, Shared: c.dups > 0}
		}
		c.done.Store(true)
	}()
	c.val, c.err = fn()
}

// exploredForget is Forget in an explored run.
func (g *Group) exploredForget(key string) {
	g.x.mu.Lock()
	delete(g.x.m, key)
	g.x.mu.Unlock()
}
