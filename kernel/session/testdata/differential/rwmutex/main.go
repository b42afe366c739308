package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	data := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.Lock()
			data[i] = i * i
			rw.Unlock()
		}()
	}
	wg.Wait()
	total := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			v := data[i]
			rw.RUnlock()
			rw.Lock()
			total += v
			rw.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total, rw.TryLock())
}
