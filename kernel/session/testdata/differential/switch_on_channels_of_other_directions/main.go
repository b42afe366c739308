// A switch on a channel whose cases are channels of another direction
// (which of my channels is this one?): Go compares a chan T with a
// <-chan T as one channel; the interpreter took them for different
// values, and no case held (Go's test/fixedbugs/issue67190.go). And such
// a comparison, converted for the interpreter, as an operand of || or &&
// panicked in it ("reflect: call of reflect.Value.Bool on chan Value").
package main

import "fmt"

type event struct{ name string }

func which(c <-chan event, quit, tick chan event) string {
	switch c {
	case quit:
		return "quit"
	case tick:
		return "tick"
	default:
		return "other"
	}
}

func main() {
	quit, tick, other := make(chan event), make(chan event), make(chan event)
	for _, c := range []chan event{quit, tick, other} {
		fmt.Println(which(c, quit, tick))
	}
	var recvOnly <-chan event = tick
	var sendOnly chan<- event = quit
	switch tick {
	case recvOnly:
		fmt.Println("tick is recvOnly")
	}
	switch quit {
	case sendOnly:
		fmt.Println("quit is sendOnly")
	}
	switch sendOnly {
	case tick, quit:
		fmt.Println("sendOnly is tick or quit")
	}
	fmt.Println(recvOnly == tick, sendOnly == quit, sendOnly == tick)
	if recvOnly == quit || recvOnly == tick && sendOnly != tick {
		fmt.Println("recvOnly is quit or tick")
	}
}
