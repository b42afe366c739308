package main

import "fmt"

func first(ch chan string) string { return <-ch }

func pair(ch chan int) (int, bool) {
	v, ok := <-ch
	return v, ok
}

func main() {
	c := make(chan string, 1)
	c <- "hello"
	fmt.Println(first(c))
	n := make(chan int, 1)
	n <- 7
	close(n)
	fmt.Println(pair(n))
	fmt.Println(pair(n))
}
