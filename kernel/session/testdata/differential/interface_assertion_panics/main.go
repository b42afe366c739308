// A failed assertion to one of the notebook's interfaces panics with Go's
// message: the value's type and the first method it misses.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return 3 * c.r * c.r }
func (c *Circle) Perimeter() float64 { return 6 * c.r }

type label string

func (l label) Perimeter() float64 { return float64(len(l)) }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %v)\n", name, r, isRuntime)
	}()
	f()
}

func main() {
	var x any
	try("nil", func() { _ = x.(Shape) })
	x = 42
	try("int", func() { _ = x.(Shape) })
	x = Square{2}
	try("square", func() { _ = x.(Shape) })
	x = Circle{1}
	try("circle value", func() { _ = x.(Shape) })
	x = label("abc")
	try("label", func() { _ = x.(Shape) })
	var err error = errors.New("boom")
	try("error", func() { _ = err.(Shape) })
	x = &Circle{1}
	s := x.(Shape)
	fmt.Println("pointer circle:", s.Area(), s.Perimeter())
}
