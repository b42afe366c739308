// Package semaphore is golang.org/x/sync/semaphore, instrumented for
// goconc's timelines: acquiring and releasing are recorded, and a goroutine
// waiting to acquire is shown blocked. As in x/sync, waiters are served in
// the order they came: a large request waiting blocks smaller ones behind
// it.
package semaphore

import (
	"container/list"
	"context"
	"sync"
	"unsafe"

	"github.com/goconc/goconc/lib/trace"
)

type waiter struct {
	n     int64
	ready chan struct{} // closed when the semaphore is acquired
}

// Weighted provides a way to bound concurrent access to a resource.
type Weighted struct {
	size    int64
	cur     int64
	mu      sync.Mutex
	waiters list.List
	id      trace.ObjectID
}

// NewWeighted creates a new weighted semaphore with the given maximum
// combined weight for concurrent access.
func NewWeighted(n int64) *Weighted {
	w := &Weighted{size: n}
	w.id = trace.NewObject(uintptr(unsafe.Pointer(w)), trace.Semaphore, int(n))
	return w
}

// Acquire acquires the semaphore with a weight of n, blocking until
// resources are available or ctx is done. On success it returns nil; on
// failure ctx.Err() and the semaphore is unchanged. If ctx is already done,
// Acquire may still succeed without blocking.
func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	trace.ExploredPoint()
	done := ctx.Done()
	s.mu.Lock()
	select {
	case <-done:
		// ctx is already done: as x/sync, prefer failing over acquiring.
		s.mu.Unlock()
		return ctx.Err()
	default:
	}
	if s.size-s.cur >= n && s.waiters.Len() == 0 {
		s.cur += n
		s.mu.Unlock()
		s.acquired(n)
		return nil
	}
	if n > s.size {
		// Don't make other Acquire calls block on one that's doomed to fail.
		s.mu.Unlock()
		trace.BlockTimed(trace.SemaphoreAcquire, s.id, trace.Position(2), trace.TimerChan(done))
		trace.ExploredUntilClosed(done)
		select {
		case <-done:
		case <-trace.Stopped():
			trace.Halt()
		}
		trace.Unblock()
		return ctx.Err()
	}
	ready := make(chan struct{})
	w := waiter{n: n, ready: ready}
	elem := s.waiters.PushBack(w)
	s.mu.Unlock()

	trace.BlockTimed(trace.SemaphoreAcquire, s.id, trace.Position(2), trace.TimerChan(done))
	trace.ExploredUntilClosed(ready, done)
	var stop <-chan struct{} = trace.Stopped()
	select {
	case <-ready:
		trace.Unblock()
		s.acquired(n)
		return nil
	case <-done:
	case <-stop:
	}
	// Give up, unless we were granted the semaphore meanwhile.
	s.mu.Lock()
	select {
	case <-ready:
		// Acquired after all: hand it back only if we must stop.
		s.mu.Unlock()
		trace.Unblock()
		s.acquired(n)
		return nil
	default:
		isFront := s.waiters.Front() == elem
		s.waiters.Remove(elem)
		if isFront && s.size > s.cur {
			s.notifyWaiters()
		}
	}
	s.mu.Unlock()
	select {
	case <-stop:
		trace.Halt()
	default:
	}
	trace.Unblock()
	return ctx.Err()
}

func (s *Weighted) acquired(n int64) {
	if trace.Enabled() {
		trace.Emit(trace.EvAcquire, s.id, n, "", "")
	}
}

// TryAcquire acquires the semaphore with a weight of n without blocking.
// On success it returns true; on failure false and the semaphore is
// unchanged.
func (s *Weighted) TryAcquire(n int64) bool {
	trace.ExploredPoint()
	s.mu.Lock()
	success := s.size-s.cur >= n && s.waiters.Len() == 0
	if success {
		s.cur += n
	}
	s.mu.Unlock()
	if success {
		s.acquired(n)
	}
	return success
}

// Release releases the semaphore with a weight of n.
func (s *Weighted) Release(n int64) {
	trace.ExploredPoint()
	if trace.Enabled() {
		trace.Emit(trace.EvRelease, s.id, n, "", "")
	}
	s.mu.Lock()
	s.cur -= n
	if s.cur < 0 {
		s.mu.Unlock()
		panic("semaphore: released more than held")
	}
	s.notifyWaiters()
	s.mu.Unlock()
}

func (s *Weighted) notifyWaiters() {
	for {
		next := s.waiters.Front()
		if next == nil {
			break // No more waiters blocked.
		}
		w := next.Value.(waiter)
		if s.size-s.cur < w.n {
			// Not enough tokens for the next waiter: keep the order, so that
			// a large request is not starved by small ones.
			break
		}
		s.cur += w.n
		s.waiters.Remove(next)
		close(w.ready)
	}
}
