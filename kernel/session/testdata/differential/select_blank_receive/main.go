// A select case that receives into the blank identifier and ok: draining
// a channel until it is closed.
package main

import "fmt"

func drain(c <-chan int, quit <-chan struct{}) int {
	n := 0
	for {
		select {
		case _, ok := <-c:
			if !ok {
				return n
			}
			n++
		case <-quit:
			return -1
		}
	}
}

func main() {
	c := make(chan int)
	go func() {
		for i := range 5 {
			c <- i
		}
		close(c)
	}()
	fmt.Println("drained", drain(c, nil))
}
