package sync

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/internal/wakeup"
	"github.com/goconc/goconc/lib/trace"
)

type uint32atomic = atomic.Uint32

// noCopy makes go vet report copies of the types that hold it, as it does
// for the standard ones.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// Mutex is a mutual exclusion lock; see sync.Mutex. Its state is a
// standard sync.Mutex, so copying one copies its state as the standard
// Mutex does.
type Mutex struct {
	mu    sync.Mutex
	nwait atomic.Int32
	wake  wakeup.Token
	id    atomic.Uint32
}

func (m *Mutex) object() trace.ObjectID { return objectID(&m.id, ptr(m), trace.Mutex) }

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() {
	if x := explore.Current(); x != nil {
		exploredWait(x, trace.MutexLock, m.object(), m.mu.TryLock)
	} else if !m.mu.TryLock() && !spin(m.mu.TryLock) {
		m.wait(trace.MutexLock, m.object(), m.mu.TryLock)
	} else {
		trace.WaitUnwound() // as Unblock does: see trace.Unwinding
	}
	if trace.Enabled() {
		trace.Emit(trace.EvLock, m.object(), 0, "", "")
	}
}

// spinTries is how many more times Lock tries a contended Mutex before it
// sleeps. The holder usually runs on another processor and lets go within
// a microsecond or two, sooner than a sleeping goroutine is woken (the
// standard Mutex spins for the same reason). With eight goroutines
// incrementing a counter, spinning took a third off the cell, and half
// when traced: the Lock event makes the critical section longer.
const spinTries = 100

// spin tries try again up to spinTries times, when another processor may
// be running the holder.
func spin(try func() bool) bool {
	if runtime.GOMAXPROCS(0) == 1 {
		return false
	}
	for range spinTries {
		if try() {
			return true
		}
	}
	return false
}

// wait blocks until try succeeds, recorded as blocked for reason on obj.
// Each Unlock wakes one waiter, which tries again.
func (m *Mutex) wait(reason trace.Reason, obj trace.ObjectID, try func() bool) {
	trace.BlockOn(reason, obj, trace.Position(3))
	m.nwait.Add(1)
	defer m.nwait.Add(-1)
	for !try() {
		m.wake.Take()
	}
	trace.Unblock()
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	point()
	if !m.mu.TryLock() {
		return false
	}
	if trace.Enabled() {
		trace.Emit(trace.EvLock, m.object(), 0, "", "")
	}
	return true
}

// Unlock unlocks m. Unlocking an unlocked Mutex is a fatal error, as with
// the standard Mutex.
func (m *Mutex) Unlock() {
	point()
	// The time is taken while m is held, the event recorded once it is
	// not: goroutines waiting for m need not wait for the recording too.
	at := trace.Now()
	m.mu.Unlock()
	if m.nwait.Load() > 0 {
		m.wake.Give()
	}
	trace.EmitAt(at, trace.EvUnlock, m.object(), 0, "", "")
}

// unlockQuiet unlocks without an event, for locks inside other types.
func (m *Mutex) unlockQuiet() {
	point()
	m.mu.Unlock()
	if m.nwait.Load() > 0 {
		m.wake.Give()
	}
}

// RWMutex is a reader/writer mutual exclusion lock; see sync.RWMutex. A
// writer waiting for the lock keeps new readers out, as in the standard
// one.
type RWMutex struct {
	rw      sync.RWMutex
	writers atomic.Int32 // writers waiting
	nwait   atomic.Int32
	wake    wakeup.Signal
	id      atomic.Uint32
}

func (rw *RWMutex) object() trace.ObjectID { return objectID(&rw.id, ptr(rw), trace.RWMutex) }

func (rw *RWMutex) wait(reason trace.Reason, try func() bool) {
	trace.BlockOn(reason, rw.object(), trace.Position(3))
	rw.nwait.Add(1)
	defer rw.nwait.Add(-1)
	for {
		c := rw.wake.Chan()
		if try() {
			break
		}
		wakeup.Wait(c)
	}
	trace.Unblock()
}

func (rw *RWMutex) tryLock() bool { return rw.rw.TryLock() }

func (rw *RWMutex) tryRLock() bool { return rw.writers.Load() == 0 && rw.rw.TryRLock() }

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	if x := explore.Current(); x != nil {
		exploredWait(x, trace.MutexLock, rw.object(), rw.tryLock)
	} else if !rw.rw.TryLock() {
		rw.writers.Add(1)
		func() {
			defer rw.writers.Add(-1)
			rw.wait(trace.MutexLock, rw.tryLock)
		}()
	} else {
		trace.WaitUnwound()
	}
	if trace.Enabled() {
		trace.Emit(trace.EvLock, rw.object(), 0, "", "")
	}
}

// TryLock locks rw for writing if it is free.
func (rw *RWMutex) TryLock() bool {
	point()
	if !rw.rw.TryLock() {
		return false
	}
	if trace.Enabled() {
		trace.Emit(trace.EvLock, rw.object(), 0, "", "")
	}
	return true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	point()
	at := trace.Now() // as in Mutex.Unlock
	rw.rw.Unlock()
	if rw.nwait.Load() > 0 {
		rw.wake.Broadcast()
	}
	trace.EmitAt(at, trace.EvUnlock, rw.object(), 0, "", "")
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if x := explore.Current(); x != nil {
		exploredWait(x, trace.RWMutexRLock, rw.object(), rw.tryRLock)
	} else if !rw.tryRLock() {
		rw.wait(trace.RWMutexRLock, rw.tryRLock)
	} else {
		trace.WaitUnwound()
	}
	if trace.Enabled() {
		trace.Emit(trace.EvLock, rw.object(), 1, "", "")
	}
}

// TryRLock locks rw for reading if no writer holds or waits for it.
func (rw *RWMutex) TryRLock() bool {
	point()
	if !rw.tryRLock() {
		return false
	}
	if trace.Enabled() {
		trace.Emit(trace.EvLock, rw.object(), 1, "", "")
	}
	return true
}

// RUnlock undoes one RLock.
func (rw *RWMutex) RUnlock() {
	point()
	at := trace.Now() // as in Mutex.Unlock
	rw.rw.RUnlock()
	if rw.nwait.Load() > 0 {
		rw.wake.Broadcast()
	}
	trace.EmitAt(at, trace.EvUnlock, rw.object(), 1, "", "")
}

// RLocker returns a Locker that read-locks rw.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }
