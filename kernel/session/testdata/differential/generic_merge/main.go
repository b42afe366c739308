package main

import (
	"fmt"
	"sort"
	"sync"
)

// Merge is the fan-in of every concurrency course.
func Merge[T any](cs ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func() {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func gen[T any](vs ...T) <-chan T {
	c := make(chan T)
	go func() {
		defer close(c)
		for _, v := range vs {
			c <- v
		}
	}()
	return c
}

func main() {
	var got []int
	for v := range Merge(gen(1, 2, 3), gen(4, 5), gen(6)) {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got)
	var words []string
	for w := range Merge(gen("b", "a"), gen("c")) {
		words = append(words, w)
	}
	sort.Strings(words)
	fmt.Println(words)
}
