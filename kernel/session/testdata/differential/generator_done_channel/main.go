package main

import "fmt"

func naturals(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	sum := 0
	for v := range naturals(done) {
		if v > 10 {
			break
		}
		sum += v
	}
	close(done)
	fmt.Println(sum)
}
