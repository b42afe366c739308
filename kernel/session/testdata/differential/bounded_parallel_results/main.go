package main

import (
	"fmt"
	"sync"
)

func main() {
	inputs := []int{5, 3, 8, 1, 9, 2}
	out := make([]int, len(inputs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, v := range inputs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i] = v * v
		}()
	}
	wg.Wait()
	fmt.Println(out)
}
