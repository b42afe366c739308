package main

import (
	"fmt"
	"sync"
)

// First returns the first value from a or b: every goroutine running this
// select must get its own values.
func First[T any](a, b <-chan T) T {
	select {
	case v := <-a:
		return v
	case v := <-b:
		return v
	}
}

func main() {
	const n = 400
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, b := make(chan int, 1), make(chan int, 1)
			if i%2 == 0 {
				a <- i
			} else {
				b <- i
			}
			results[i] = First(a, b)
		}()
	}
	wg.Wait()
	bad := 0
	for i, v := range results {
		if v != i {
			bad++
		}
	}
	fmt.Println("goroutines that got another's value:", bad)
	s := make(chan string, 1)
	s <- "only"
	fmt.Println(First(s, nil))
}
