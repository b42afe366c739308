package main

import (
	"fmt"
	"sync"
)

func main() {
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	add := func(n int) {
		defer wg.Done()
		mu.Lock()
		total += n
		mu.Unlock()
	}
	for _, n := range []int{1, 2, 3, 4} {
		wg.Add(1)
		go add(n)
	}
	wg.Wait()
	fmt.Println(total)
}
