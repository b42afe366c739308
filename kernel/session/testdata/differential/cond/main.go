package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for ready == 0 {
				cond.Wait()
			}
			ready++
			mu.Unlock()
		}()
	}
	mu.Lock()
	ready = 1
	cond.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println(ready)
}
