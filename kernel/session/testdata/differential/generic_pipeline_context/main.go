package main

import (
	"context"
	"fmt"
)

// Stage applies f to every value of in until ctx is done.
func Stage[In, Out any](ctx context.Context, in <-chan In, f func(In) Out) <-chan Out {
	out := make(chan Out)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- f(v):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func Source[T any](ctx context.Context, vs []T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, v := range vs {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sq := Stage(ctx, Source(ctx, []int{1, 2, 3, 4}), func(i int) int { return i * i })
	str := Stage(ctx, sq, func(i int) string { return fmt.Sprintf("<%d>", i) })
	for s := range str {
		fmt.Print(s, " ")
	}
	fmt.Println()

	ctx2, cancel2 := context.WithCancel(context.Background())
	nums := Stage(ctx2, Source(ctx2, []int{1, 2, 3, 4, 5, 6}), func(i int) int { return i + 100 })
	fmt.Println(<-nums, <-nums)
	cancel2()
	for range nums {
	}
	fmt.Println("cancelled:", ctx2.Err())
}
