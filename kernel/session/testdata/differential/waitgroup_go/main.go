package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var n atomic.Int64
	for i := 1; i <= 10; i++ {
		wg.Go(func() { n.Add(int64(i)) })
	}
	wg.Wait()
	fmt.Println(n.Load())
}
