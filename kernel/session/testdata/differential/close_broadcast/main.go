package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	n := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			n++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println(n)
}
