package sync

import (
	"sync"
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// Cond is a condition variable; see sync.Cond.
type Cond struct {
	noCopy noCopy
	// L is held while observing or changing the condition.
	L Locker

	mu      sync.Mutex
	waiters []chan struct{}
	id      atomic.Uint32
}

// NewCond returns a new Cond with Locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) object() trace.ObjectID { return objectID(&c.id, ptr(c), trace.Cond) }

// Wait unlocks c.L, waits for Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	ch := make(chan struct{})
	c.mu.Lock()
	c.waiters = append(c.waiters, ch)
	c.mu.Unlock()
	c.L.Unlock()
	if x := explore.Current(); x != nil {
		exploredWait(x, trace.CondWait, c.object(), func() bool {
			select {
			case <-ch:
				return true
			default:
				return false
			}
		})
		c.L.Lock()
		return
	}
	trace.BlockOn(trace.CondWait, c.object(), trace.Position(2))
	select {
	case <-ch:
	case <-trace.Stopped():
		c.mu.Lock()
		for i, w := range c.waiters {
			if w == ch {
				c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
				break
			}
		}
		c.mu.Unlock()
		trace.Halt()
	}
	trace.Unblock()
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if there is any.
func (c *Cond) Signal() {
	point()
	if trace.Enabled() {
		trace.Emit(trace.EvSignal, c.object(), 0, "", "")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters = c.waiters[1:]
	}
}

// Broadcast wakes all goroutines waiting on c.
func (c *Cond) Broadcast() {
	point()
	if trace.Enabled() {
		trace.Emit(trace.EvSignal, c.object(), 1, "", "")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range c.waiters {
		close(w)
	}
	c.waiters = nil
}
