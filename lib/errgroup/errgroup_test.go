package errgroup_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	xeg "golang.org/x/sync/errgroup"

	"github.com/goconc/goconc/lib/errgroup"
)

type group interface {
	Go(func() error)
	TryGo(func() error) bool
	SetLimit(int)
	Wait() error
}

func TestLikeXSync(t *testing.T) {
	boom := errors.New("boom")
	impls := map[string]func(context.Context) (group, context.Context){
		"x/sync": func(ctx context.Context) (group, context.Context) { return xeg.WithContext(ctx) },
		"lib":    func(ctx context.Context) (group, context.Context) { return errgroup.WithContext(ctx) },
	}
	for name, mk := range impls {
		g, ctx := mk(context.Background())
		g.Go(func() error { return boom })
		g.Go(func() error { <-ctx.Done(); return ctx.Err() })
		if err := g.Wait(); err != boom {
			t.Errorf("%s: Wait = %v", name, err)
		}
		if context.Cause(ctx) != boom {
			t.Errorf("%s: cause %v", name, context.Cause(ctx))
		}
		// SetLimit bounds the active goroutines; TryGo refuses past it.
		g, _ = mk(context.Background())
		g.SetLimit(2)
		var active, peak atomic.Int32
		for i := 0; i < 8; i++ {
			g.Go(func() error {
				n := active.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				time.Sleep(5 * time.Millisecond)
				active.Add(-1)
				return nil
			})
		}
		// The goroutines TryGo starts hold their slots until release,
		// so that the second TryGo finds the limit reached however the
		// machine schedules them.
		release := make(chan struct{})
		held := func() error { <-release; return nil }
		g.Go(held)
		if g.TryGo(held) && g.TryGo(held) {
			t.Errorf("%s: TryGo past the limit", name)
		}
		close(release)
		g.Wait()
		if peak.Load() > 2 {
			t.Errorf("%s: %d goroutines at once with a limit of 2", name, peak.Load())
		}
		var msg any
		stop := make(chan struct{})
		func() {
			defer func() { msg = recover() }()
			g2, _ := mk(context.Background())
			g2.SetLimit(1)
			g2.Go(func() error { <-stop; return nil }) // active until SetLimit has panicked
			g2.SetLimit(3)
		}()
		close(stop)
		if fmt.Sprint(msg) != "errgroup: modify limit while 1 goroutines in the group are still active" {
			t.Errorf("%s: %v", name, msg)
		}
	}
}

func ExampleGroup() {
	var g errgroup.Group
	results := make([]int, 3)
	for i := range results {
		g.Go(func() error { results[i] = i * i; return nil })
	}
	fmt.Println(g.Wait(), results)
	// Output: <nil> [0 1 4]
}
