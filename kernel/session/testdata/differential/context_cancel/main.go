package main

import (
	"context"
	"fmt"
	"sync"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	stopped := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ctx.Done()
			stopped <- i
		}()
	}
	cancel()
	wg.Wait()
	close(stopped)
	sum := 0
	for v := range stopped {
		sum += v
	}
	fmt.Println(sum, ctx.Err())
}
