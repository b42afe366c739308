package singleflight_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	xsf "golang.org/x/sync/singleflight"

	"github.com/goconc/goconc/lib/singleflight"
	"github.com/goconc/goconc/lib/trace"
)

type doer interface {
	Do(key string, fn func() (any, error)) (any, error, bool)
}

// inDo counts the goroutines inside a Group's Do, by their stacks.
func inDo() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	return strings.Count(string(buf), "singleflight.(*Group).Do(")
}

// TestSharedLikeXSync: ten callers of one key while the call is in
// flight share it, as with x/sync. The call lasts until every caller is
// inside Do. One that has entered Do but not yet joined the call when it
// ends makes a call of its own, so, as in x/sync's own test, at least one
// call is shared, and fewer calls are made than callers.
func TestSharedLikeXSync(t *testing.T) {
	const callers = 10
	for name, g := range map[string]doer{"x/sync": new(xsf.Group), "lib": new(singleflight.Group)} {
		var calls, shared, arrived, left atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < callers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				arrived.Add(1)
				defer left.Add(1)
				v, err, s := g.Do("k", func() (any, error) {
					calls.Add(1)
					for arrived.Load() < callers || inDo() < callers-int(left.Load()) {
						time.Sleep(time.Millisecond)
					}
					return "v", nil
				})
				if v != "v" || err != nil {
					t.Errorf("%s: %v %v", name, v, err)
				}
				if s {
					shared.Add(1)
				}
			}()
		}
		wg.Wait()
		if n := calls.Load(); n < 1 || n >= callers || shared.Load() < 2 {
			t.Errorf("%s: %d calls for %d callers, %d shared", name, n, callers, shared.Load())
		}
	}
}

func TestRecordedAndForget(t *testing.T) {
	trace.Start()
	var g singleflight.Group
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.Do("k", func() (any, error) { time.Sleep(30 * time.Millisecond); return 1, nil })
		}()
	}
	wg.Wait()
	g.Forget("k")
	r := <-g.DoChan("k", func() (any, error) { return 2, nil })
	tr := trace.Stop()
	executed, sharedCalls := 0, 0
	for _, e := range tr.Events {
		if e.Kind == trace.EvFlightCall {
			if e.Arg == 0 {
				executed++
			} else {
				sharedCalls++
			}
		}
	}
	if r.Val != 2 || executed != 2 || sharedCalls != 2 {
		t.Errorf("DoChan %v; %d executed, %d shared", r.Val, executed, sharedCalls)
	}
}

func ExampleGroup() {
	var g singleflight.Group
	v, err, shared := g.Do("answer", func() (any, error) { return 42, nil })
	fmt.Println(v, err, shared)
	// Output: 42 <nil> false
}

// A DoChan that joins a call in flight starts no goroutine, and leaves
// none counted as starting: the ticket it took waited for ever, and every
// later leak check of the notebook waited five seconds for it.
func TestJoinedDoChanStartsNothing(t *testing.T) {
	var g singleflight.Group
	before := trace.Starting()
	release := make(chan struct{})
	first := g.DoChan("k", func() (any, error) { <-release; return "v", nil })
	second := g.DoChan("k", func() (any, error) { return "never called", nil })
	close(release)
	for _, ch := range []<-chan singleflight.Result{first, second} {
		if r := <-ch; r.Val != "v" {
			t.Errorf("DoChan got %v, want the first call's v", r.Val)
		}
	}
	if n := trace.Starting() - before; n != 0 {
		t.Errorf("%d goroutines count as starting after two DoChans of one call, both answered", n)
	}
}
