package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}

func main() {
	total := 0
	for v := range gen(5) {
		total += v
	}
	c := make(chan int, 2)
	c <- 1
	close(c)
	v, ok := <-c
	w, ok2 := <-c
	fmt.Println(total, v, ok, w, ok2, len(c), cap(c))
}
