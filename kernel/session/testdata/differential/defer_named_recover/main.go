// recover() in a deferred named function or method stops the panic, as
// it does in a deferred function literal; a deferred function that does
// not recover lets it go on to the next.
package main

import (
	"errors"
	"fmt"
)

func handle(who string) {
	if r := recover(); r != nil {
		fmt.Println(who, "recovered:", r)
	}
}

type guard struct{ name string }

func (g *guard) catch(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %v", g.name, r)
	}
}

func divide(a, b int) (q int, err error) {
	g := &guard{name: "divide"}
	defer g.catch(&err)
	return a / b, nil
}

func note(s string) { fmt.Println("deferred", s) }

// notDeferred calls recover() but is not the deferred function: in Go it
// gets nil, and the panic is left for its caller.
func notDeferred() any { return recover() }

func layered() {
	if v := notDeferred(); v != nil {
		fmt.Println("a helper took the panic:", v)
	}
	fmt.Println("layered recovered:", recover())
}

func outer() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint("outer caught ", r))
		}
	}()
	defer note("before the literal")
	panic("deep")
}

func main() {
	func() {
		defer handle("named")
		panic("boom")
	}()

	func() {
		defer handle("runtime error")
		var m map[string]int
		m["x"] = 1
	}()

	fmt.Println(divide(7, 2))
	fmt.Println(divide(1, 0))
	fmt.Println(outer())

	func() {
		defer handle("no panic")
		fmt.Println("nothing to recover")
	}()

	func() {
		defer handle("formatted")
		panic(fmt.Sprintf("%d", 42))
	}()
	func() {
		defer layered()
		panic("layers")
	}()
	fmt.Println("done")
}
