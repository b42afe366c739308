package main

// An iterator that calls the loop's body after it returned false, after
// the loop ended, or that swallows a panic of the body, panics as Go's
// runtime makes it: a lesson in writing iterators.

import "fmt"

// ignoresStop goes on after yield said stop.
func ignoresStop(yield func(int) bool) {
	yield(1)
	yield(2)
}

var saved func(int) bool

// keeps holds on to yield after the loop.
func keeps(yield func(int) bool) {
	saved = yield
	yield(1)
}

// swallows recovers what the body panicked with.
func swallows(yield func(int) bool) {
	defer func() { recover() }()
	yield(1)
}

// resumes recovers and calls the body again.
func resumes(yield func(int) bool) {
	func() {
		defer func() { recover() }()
		yield(1)
	}()
	yield(2)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Printf("%s: %v (error: %v)\n", name, r, isErr)
	}()
	f()
}

func main() {
	try("break", func() {
		for x := range ignoresStop {
			fmt.Println("body", x)
			break
		}
		fmt.Println("not reached")
	})
	try("after the loop", func() {
		for x := range keeps {
			fmt.Println("body", x)
		}
		saved(5)
	})
	try("swallowed", func() {
		for x := range swallows {
			fmt.Println("body", x)
			panic("boom")
		}
	})
	try("resumed", func() {
		for x := range resumes {
			fmt.Println("body", x)
			if x == 1 {
				panic("boom")
			}
		}
	})
}
