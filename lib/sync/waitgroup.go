package sync

import (
	"fmt"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/internal/wakeup"
	"github.com/goconc/goconc/lib/trace"
)

// WaitGroup waits for a collection of goroutines to finish; see
// sync.WaitGroup.
type WaitGroup struct {
	noCopy noCopy
	n      atomic.Int64
	wake   wakeup.Signal
	id     atomic.Uint32
}

func (wg *WaitGroup) object() trace.ObjectID { return objectID(&wg.id, ptr(wg), trace.WaitGroup) }

// Add adds delta to the counter. If it becomes zero, waiters are released;
// if it becomes negative, Add panics.
func (wg *WaitGroup) Add(delta int) {
	point()
	n := wg.n.Add(int64(delta))
	if trace.Enabled() {
		trace.Emit(trace.EvWaitGroupAdd, wg.object(), int64(delta), strconv.FormatInt(n, 10), "")
	}
	if n < 0 {
		panic("sync: negative WaitGroup counter")
	}
	if n == 0 {
		wg.wake.Broadcast()
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	if x := explore.Current(); x != nil {
		exploredWait(x, trace.WaitGroupWait, wg.object(), func() bool { return wg.n.Load() == 0 })
		return
	}
	if wg.n.Load() == 0 {
		trace.WaitUnwound()
		return
	}
	trace.BlockOn(trace.WaitGroupWait, wg.object(), trace.Position(2))
	for {
		c := wg.wake.Chan()
		if wg.n.Load() == 0 {
			break
		}
		wakeup.Wait(c)
	}
	trace.Unblock()
}

// Go calls f in a new goroutine and adds that task to the group; see
// sync.WaitGroup.Go.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	trace.Spawn(funcName(f), trace.Position(2), func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				trace.Unwinding() // wg.Done() wakes Wait: see trace.Unwinding
				panic(r)
			}
		}()
		f()
	})
}

// funcName names a goroutine after its function: "worker", or "func" for
// a function literal.
func funcName(f any) string {
	fn := runtime.FuncForPC(reflect.ValueOf(f).Pointer())
	if fn == nil {
		return "func"
	}
	name := fn.Name()
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if strings.Contains(name, ".func") || strings.HasPrefix(name, "reflect.") || strings.Contains(name, "yaegi") {
		return "func"
	}
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return name
}

var _ = fmt.Sprint
