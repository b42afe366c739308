package main

import "fmt"

func producer(out chan<- int) {
	for i := 0; i < 4; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int) (s int) {
	for v := range in {
		s += v
	}
	return
}

func main() {
	ch := make(chan int)
	go producer(ch)
	fmt.Println(consumer(ch))
}
