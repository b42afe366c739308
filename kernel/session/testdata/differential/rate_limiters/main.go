// golang.org/x/time/rate, the token bucket of rate-limiting lessons
// (Concurrency in Go's "Rate Limiting"), is importable: it was refused,
// "package is not available in goconc".
package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

func main() {
	l := rate.NewLimiter(rate.Every(time.Hour), 3)
	for i := 0; i < 5; i++ {
		fmt.Print(l.Allow(), " ")
	}
	fmt.Println()
	fmt.Println(l.Limit() == rate.Every(time.Hour), l.Burst(), rate.Inf > 0)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := l.Wait(ctx)
	fmt.Println(err)

	fast := rate.NewLimiter(rate.Limit(200), 1)
	var wg sync.WaitGroup
	var mu sync.Mutex
	served := 0
	for i := 0; i < 10; i++ {
		wg.Go(func() {
			if err := fast.Wait(context.Background()); err == nil {
				mu.Lock()
				served++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	fmt.Println(served)
	r := l.Reserve()
	fmt.Println(r.OK(), r.Delay() > 50*time.Minute)
	r.Cancel()
	var s rate.Sometimes
	s.First = 2
	for i := 0; i < 4; i++ {
		s.Do(func() { fmt.Print("do", i, " ") })
	}
	fmt.Println()
}
