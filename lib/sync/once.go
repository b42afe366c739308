package sync

import (
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// Once performs exactly one action; see sync.Once.
type Once struct {
	done atomic.Bool
	m    Mutex
	id   atomic.Uint32
}

func (o *Once) object() trace.ObjectID { return objectID(&o.id, ptr(o), trace.Once) }

// Do calls f if and only if Do is being called for the first time for o.
// Other callers wait until f returns. If f panics, Do considers it
// returned.
func (o *Once) Do(f func()) {
	point()
	if o.done.Load() {
		return
	}
	if x := explore.Current(); x != nil {
		exploredWait(x, trace.OnceWait, o.object(), o.m.mu.TryLock)
	} else if !o.m.mu.TryLock() {
		o.m.wait(trace.OnceWait, o.object(), o.m.mu.TryLock)
	}
	defer o.m.unlockQuiet()
	if !o.done.Load() {
		defer o.done.Store(true)
		if trace.Enabled() {
			trace.Emit(trace.EvOnceRun, o.object(), 0, "", "")
		}
		f()
	}
}
