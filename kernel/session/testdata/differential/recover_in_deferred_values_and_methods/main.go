// recover() takes the panic in the function a defer statement calls,
// however the statement names it: a variable holding a function literal,
// a function or a method value; a method of an interface, whose method is
// known only when it runs. A call the deferred function makes of itself,
// or of another function, is not the deferred call: its recover() returns
// nil (Go's test/recover.go).
package main

import (
	"errors"
	"fmt"
)

type Recoverer interface{ Recover() }

type Logger struct{ prefix string }

func (l *Logger) Recover() {
	if r := recover(); r != nil {
		fmt.Println(l.prefix, "recovered:", r)
	}
}

type Quiet int

func (Quiet) Recover() {
	fmt.Println("quiet recovered:", recover())
}

func catch() {
	if r := recover(); r != nil {
		fmt.Println("catch recovered:", r)
	}
}

func nested(n int) {
	if n == 0 {
		nested(1) // not the deferred call: recover() is nil
		return
	}
	fmt.Println("nested call recovered:", recover())
}

func viaLiteral() {
	handler := func() {
		if r := recover(); r != nil {
			fmt.Println("handler recovered:", r)
		}
	}
	defer handler()
	panic("from viaLiteral")
}

func viaFunction() {
	f := catch
	defer f()
	panic(errors.New("from viaFunction"))
}

func viaMethodValue() {
	l := &Logger{"method value"}
	f := l.Recover
	defer f()
	panic("from viaMethodValue")
}

func viaInterface(r Recoverer, v any) {
	defer r.Recover()
	panic(v)
}

func recursive() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recursive: %v", r)
		}
	}()
	defer nested(0)
	panic("from recursive")
}

func main() {
	viaLiteral()
	viaFunction()
	viaMethodValue()
	viaInterface(&Logger{"interface"}, 1)
	viaInterface(Quiet(0), 2)
	fmt.Println(recursive())
	fmt.Println("done")
}
