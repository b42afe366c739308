package main

import "fmt"

func main() {
	quit := make(chan bool)
	data := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			data <- i
		}
		close(quit)
	}()
	sum := 0
loop:
	for {
		select {
		case v := <-data:
			sum += v
		case <-quit:
			break loop
		}
	}
	fmt.Println("sum", sum)
}
