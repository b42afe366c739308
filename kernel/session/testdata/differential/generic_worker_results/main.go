package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

type Result[T any] struct {
	ID  int
	Val T
	Err error
}

// Process fans jobs out to workers and collects every result, stopping
// early when ctx ends.
func Process[J, R any](ctx context.Context, jobs []J, workers int, f func(context.Context, J) (R, error)) []Result[R] {
	in := make(chan int)
	out := make(chan Result[R])
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range in {
				v, err := f(ctx, jobs[i])
				select {
				case out <- Result[R]{ID: i, Val: v, Err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(in)
		for i := range jobs {
			select {
			case in <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	var rs []Result[R]
	for r := range out {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(a, b int) bool { return rs[a].ID < rs[b].ID })
	return rs
}

var errOdd = errors.New("odd")

func main() {
	ctx := context.Background()
	rs := Process(ctx, []int{1, 2, 3, 4, 5, 6}, 3, func(_ context.Context, n int) (string, error) {
		if n%2 == 1 {
			return "", errOdd
		}
		return fmt.Sprint(n * n), nil
	})
	for _, r := range rs {
		fmt.Println(r.ID, r.Val, errors.Is(r.Err, errOdd))
	}
	ctx2, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	slow := Process(ctx2, make([]int, 20), 2, func(ctx context.Context, _ int) (int, error) {
		select {
		case <-time.After(time.Hour):
			return 1, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	})
	fmt.Println(len(slow) <= 20, ctx2.Err())
}
