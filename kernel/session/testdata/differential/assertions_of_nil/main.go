// A comma-ok assertion of a nil interface value is false, to any type:
// the usual check of what recover() returned must work when nothing
// panicked.
package main

import (
	"errors"
	"fmt"
	"io"
)

type Shape interface{ Area() float64 }

func safely(f func()) (msg string) {
	defer func() {
		if err, ok := recover().(error); ok {
			msg = "failed: " + err.Error()
		}
	}()
	f()
	return "ok"
}

func main() {
	var v any
	_, ok := v.(error)
	fmt.Println(ok)
	var err error
	err, ok = v.(error)
	fmt.Println(err, ok)
	s, ok := v.(Shape)
	fmt.Println(s, ok)
	var w, ok2 = v.(io.Writer)
	fmt.Println(w, ok2)
	n, ok := v.(int)
	fmt.Println(n, ok)
	fmt.Println(safely(func() {}), safely(func() { panic(errors.New("boom")) }))
	for _, x := range []any{nil, errors.New("e"), 3, nil} {
		e, ok := x.(error)
		fmt.Print(e, " ", ok, "; ")
	}
	fmt.Println()
}
