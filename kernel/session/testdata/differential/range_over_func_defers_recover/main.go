// A call deferred in the body of a range over a function is deferred by
// the function around the loop: its recover() stops that function's
// panic, whether the body, the iterator or the code after the loop
// panicked; a notebook function deferred there recovers too. One that
// runs without a panic, while an outer deferred call recovers another,
// gets nil. (Go's test/fixedbugs/issue71675.go; the deferred calls ran,
// and their recover() returned nil.)
package main

import (
	"errors"
	"fmt"
	"iter"
	"slices"
)

func stopsWithPanic(yield func(int) bool) {
	if !yield(0) {
		return
	}
	panic("iterator stopped")
}

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func handle() {
	if r := recover(); r != nil {
		fmt.Println("handled:", r)
	}
}

func iteratorPanics() {
	defer fmt.Println("deferred first, runs last")
	for range stopsWithPanic {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
	}
}

func bodyPanics() (err error) {
	for i := range count(3) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("item %d: %v", i, r)
			}
		}()
		if i == 1 {
			panic("bad item")
		}
	}
	return nil
}

func nestedHandle() {
	for range count(2) {
		for j := range count(3) {
			if j == 2 {
				defer handle()
			}
		}
	}
	panic(errors.New("after the loops"))
}

func noPanicHere() {
	for s := range slices.Values([]string{"a"}) {
		defer func() {
			fmt.Println("no panic of mine:", recover(), s)
		}()
	}
}

func outer() {
	defer func() {
		noPanicHere()
		fmt.Println("outer recovers:", recover())
	}()
	panic("outer's")
}

func main() {
	iteratorPanics()
	fmt.Println("iteratorPanics returned")
	fmt.Println(bodyPanics())
	nestedHandle()
	fmt.Println("nestedHandle returned")
	outer()
	fmt.Println("outer returned")
}
