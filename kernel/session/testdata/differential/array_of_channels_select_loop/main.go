package main

import "fmt"

func main() {
	chans := [3]chan int{make(chan int, 1), make(chan int, 1), make(chan int, 1)}
	for i := range chans {
		chans[i] <- i * 10
	}
	sum := 0
	for range 3 {
		select {
		case v := <-chans[0]:
			sum += v
		case v := <-chans[1]:
			sum += v
		case v := <-chans[2]:
			sum += v
		}
	}
	fmt.Println(sum)
}
