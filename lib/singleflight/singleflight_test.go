package singleflight_test

import (
	"fmt"
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

// TestSharedLikeXSync: ten callers of one key while the call is slow make
// one call, and all but one see shared results, as with x/sync.
func TestSharedLikeXSync(t *testing.T) {
	for name, g := range map[string]doer{"x/sync": new(xsf.Group), "lib": new(singleflight.Group)} {
		var calls atomic.Int32
		var shared atomic.Int32
		var wg sync.WaitGroup
		start := make(chan bool)
		for i := 0; i < 10; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				v, err, s := g.Do("k", func() (any, error) {
					calls.Add(1)
					time.Sleep(50 * time.Millisecond)
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
		close(start)
		wg.Wait()
		if calls.Load() != 1 || shared.Load() != 10 {
			t.Errorf("%s: %d calls, %d shared", name, calls.Load(), shared.Load())
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
