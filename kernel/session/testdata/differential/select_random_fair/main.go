package main

import "fmt"

func main() {
	a, b := make(chan int, 1), make(chan int, 1)
	na, nb := 0, 0
	for i := 0; i < 1000; i++ {
		a <- 1
		b <- 2
		select {
		case <-a:
			na++
			<-b
		case <-b:
			nb++
			<-a
		}
	}
	fmt.Println(na > 300, nb > 300)
}
