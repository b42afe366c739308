package main

import (
	"fmt"
	"sync"
)

type acc struct {
	mu  sync.Mutex
	sum int
}

func (a *acc) add(n int, wg *sync.WaitGroup) {
	defer wg.Done()
	a.mu.Lock()
	a.sum += n
	a.mu.Unlock()
}

func main() {
	a := &acc{}
	var wg sync.WaitGroup
	f := a.add
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go f(i, &wg)
	}
	wg.Wait()
	fmt.Println(a.sum)
}
