package main

import (
	"fmt"
	"strings"
	"sync"
)

// Pool runs f over in with a fixed number of workers, keeping the order.
func Pool[T, R any](in []T, workers int, f func(T) R) []R {
	out := make([]R, len(in))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = f(in[i])
			}
		}()
	}
	for i := range in {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func main() {
	fmt.Println(Pool([]int{1, 2, 3, 4, 5, 6, 7, 8}, 3, func(i int) int { return i * i }))
	fmt.Println(Pool([]string{"go", "chan", "select"}, 2, strings.ToUpper))
	fmt.Println(Pool([]string{"a", "bb", "ccc"}, 4, func(s string) int { return len(s) }))
}
