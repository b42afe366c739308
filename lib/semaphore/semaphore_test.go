package semaphore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	xsem "golang.org/x/sync/semaphore"

	"github.com/goconc/goconc/lib/semaphore"
)

type weighted interface {
	Acquire(ctx context.Context, n int64) error
	TryAcquire(n int64) bool
	Release(n int64)
}

func TestLikeXSync(t *testing.T) {
	impls := map[string]func(int64) weighted{
		"x/sync": func(n int64) weighted { return xsem.NewWeighted(n) },
		"lib":    func(n int64) weighted { return semaphore.NewWeighted(n) },
	}
	for name, mk := range impls {
		s := mk(3)
		if !s.TryAcquire(2) || s.TryAcquire(2) || !s.TryAcquire(1) {
			t.Errorf("%s: TryAcquire accounting", name)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		if err := s.Acquire(ctx, 1); err != context.DeadlineExceeded {
			t.Errorf("%s: Acquire on a full semaphore: %v", name, err)
		}
		cancel()
		// FIFO: a big waiter keeps a small one behind it.
		got := make(chan int64, 2)
		go func() { s.Acquire(context.Background(), 3); got <- 3 }()
		// The big one waits once a unit released cannot be taken back:
		// TryAcquire fails while anyone waits. Then one unit is free.
		for s.Release(1); s.TryAcquire(1); s.Release(1) {
			time.Sleep(time.Millisecond)
		}
		go func() { s.Acquire(context.Background(), 1); got <- 1 }()
		select {
		case n := <-got:
			t.Errorf("%s: waiter %d got in ahead of the big one", name, n)
		case <-time.After(20 * time.Millisecond):
		}
		s.Release(2)
		if n := <-got; n != 3 {
			t.Errorf("%s: %d first", name, n)
		}
		s.Release(3)
		<-got
		var msg any
		func() {
			defer func() { msg = recover() }()
			s.Release(5)
		}()
		if fmt.Sprint(msg) != "semaphore: released more than held" {
			t.Errorf("%s: %v", name, msg)
		}
	}
}

func ExampleWeighted() {
	sem := semaphore.NewWeighted(2)
	ctx := context.Background()
	if err := sem.Acquire(ctx, 2); err == nil {
		fmt.Println("acquired 2 of 2; TryAcquire(1):", sem.TryAcquire(1))
		sem.Release(2)
	}
	// Output: acquired 2 of 2; TryAcquire(1): false
}
