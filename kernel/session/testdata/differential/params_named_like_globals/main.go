package main

import (
	"fmt"
	"sync"
)

// Parameters and results named like package-level variables.
var wg sync.WaitGroup
var mu sync.Mutex
var total int

func worker(id int, wg *sync.WaitGroup, mu *sync.Mutex) {
	defer wg.Done()
	mu.Lock()
	total += id
	mu.Unlock()
}

func sum(total ...int) (wg int) {
	for _, t := range total {
		wg += t
	}
	return wg
}

type counter struct{ n int }

func (c *counter) add(mu *sync.Mutex, total int) (n int) {
	mu.Lock()
	defer mu.Unlock()
	c.n += total
	return c.n
}

func main() {
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go worker(i, &wg, &mu)
	}
	wg.Wait()
	fmt.Println(total, sum(1, 2, 3))
	var c counter
	fmt.Println(c.add(&mu, 5), c.add(&mu, 6))
}
