// The runtime errors a learner meets, recovered and printed: each says
// what Go's runtime says, and is a runtime.Error.
package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
)

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Square struct{ S float64 }

func (s *Square) Area() float64 { return s.S * s.S }

type Level int

func (l Level) Area() float64 { return float64(l) }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	try("error to concrete", func() { var err error = errors.New("x"); _ = err.(*NotFound) })
	try("error to concrete, ok", func() { var err error = &NotFound{"k"}; fmt.Println(err.(*NotFound).Key) })
	try("shape to pointer", func() { var s Shape = Circle{1}; _ = s.(*Square) })
	try("shape to named int", func() { var s Shape = Circle{2}; _ = s.(Level) })
	try("named int to struct", func() { var s Shape = Level(2); _ = s.(Circle) })
	try("nil shape", func() { var s Shape; _ = s.(Circle) })
	try("any to compiled interface", func() { var x any = Circle{1}; _ = x.(fmt.Stringer) })
	try("any to error", func() { var x any = Level(1); _ = x.(error) })
	try("nil interface method", func() { var s Shape; fmt.Println(s.Area()) })
	try("nil func", func() { var f func() int; fmt.Println(f()) })
	try("nil pointer, value method", func() { var c *Circle; fmt.Println(c.Area()) })
	try("nil reader", func() { var r io.Reader; r.Read(nil) })
	try("nil error", func() { var err error; fmt.Println(err.Error()) })
	try("panic(nil)", func() { panic(nil) })

	done := make(chan string)
	go func() {
		defer func() { done <- fmt.Sprint("goroutine: ", recover()) }()
		var s Shape = Level(3)
		fmt.Println(s.(*Square).S)
	}()
	fmt.Println(<-done)
}
