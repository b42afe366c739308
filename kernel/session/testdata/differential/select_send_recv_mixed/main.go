package main

import "fmt"

func main() {
	in, out := make(chan int, 1), make(chan int, 1)
	in <- 5
	out <- 0 // full: only the receive can run
	for i := 0; i < 2; i++ {
		select {
		case v := <-in:
			fmt.Println("recv", v)
			<-out // now only the send can run
		case out <- 7:
			fmt.Println("sent", <-out)
		}
	}
}
