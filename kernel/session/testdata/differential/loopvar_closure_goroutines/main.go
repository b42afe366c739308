package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- i
		}()
	}
	wg.Wait()
	close(results)
	var got []int
	for r := range results {
		got = append(got, r)
	}
	sort.Ints(got)
	fmt.Println(got)
}
