package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var n int64
	var a atomic.Int32
	var flag atomic.Bool
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&n, 2)
			a.Add(1)
			flag.Store(true)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&n), a.Load(), flag.Load(), a.CompareAndSwap(100, 5), a.Load())
}
