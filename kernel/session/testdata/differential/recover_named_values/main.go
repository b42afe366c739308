// Panics with values of the program's named types, recovered and told
// apart by their types.
package main

import (
	"errors"
	"fmt"
)

type Level int

func (l Level) String() string { return fmt.Sprintf("L%d", int(l)) }

type Code int

type Kind string

type Ratio float64

func try(name string, f func()) {
	defer func() {
		switch r := recover().(type) {
		case Level:
			fmt.Println(name, "level", r, int(r))
		case Code:
			fmt.Println(name, "code", r)
		case Kind:
			fmt.Printf("%s kind %q\n", name, string(r))
		case error:
			fmt.Println(name, "error", r)
		case nil:
			fmt.Println(name, "no panic")
		default:
			fmt.Printf("%s other %v %T\n", name, r, r)
		}
	}()
	f()
}

func main() {
	try("a", func() { panic(Level(3)) })
	try("b", func() { panic(Code(4)) })
	c := Code(5)
	try("c", func() { panic(c) })
	try("d", func() { panic(Kind("bad")) })
	try("e", func() { panic(Ratio(0.5)) })
	try("f", func() { panic(errors.New("boom")) })
	try("g", func() { panic(7) })
	try("h", func() {})
	defer func() {
		r := recover()
		if l, ok := r.(Level); ok {
			fmt.Println("main recovered", l)
		}
	}()
	panic(Level(9))
}
