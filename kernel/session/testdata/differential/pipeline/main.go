package main

import "fmt"

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	src := make(chan int)
	go func() {
		for i := 1; i <= 4; i++ {
			src <- i
		}
		close(src)
	}()
	for v := range square(square(src)) {
		fmt.Print(v, " ")
	}
	fmt.Println()
}
