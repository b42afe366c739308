// make of a receive-only or send-only channel type (make(Recv) of a
// type Recv <-chan int, make(chan<- int, 1)): Go makes such a channel;
// the interpreter's reflect.MakeChan panicked ("unidirectional channel
// type", Go's test/typeparam/append.go). It is made bidirectional and
// converted.
package main

import "fmt"

type Recv <-chan int
type Send chan<- string

func main() {
	r := make(Recv)
	s := make(Send, 2)
	s <- "a"
	fmt.Println(len(s), cap(s), cap(r), r != nil)
	fmt.Printf("%T %T\n", r, s)
	c := make(<-chan bool, 3)
	fmt.Println(cap(c), len(c))
	select {
	case v := <-r:
		fmt.Println(v)
	default:
		fmt.Println("nothing to receive")
	}
}
