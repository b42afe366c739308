// A method with a value receiver, called through an interface that holds
// a nil pointer, panics as Go's does: "value method main.Rect.Area called
// using nil *Rect pointer", a runtime.Error. Where gc knows the concrete
// type at the call (a local variable given one type, a small constructor
// it inlines), it calls the method directly and the panic is a nil
// dereference: so here too.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type Shape interface {
	Area() float64
	Label(prefix string, parts ...string) string
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }
func (r Rect) Label(prefix string, parts ...string) string {
	return prefix + strings.Join(parts, ",")
}

type Celsius float64

func (c Celsius) Area() float64 { return float64(c) }
func (c Celsius) Label(prefix string, parts ...string) string {
	return prefix + "C"
}

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }
func (c *Circle) Label(prefix string, parts ...string) string {
	return prefix + "circle"
}

type NotFound struct{ key string }

func (e NotFound) Error() string { return "not found: " + e.key }

type Store struct{ items map[string]Shape }

func (s *Store) Get(k string) Shape { return s.items[k] }

func try(name string, f func()) {
	defer func() {
		r := recover()
		var re runtime.Error
		err, _ := r.(error)
		fmt.Println(name+":", errors.As(err, &re), r)
	}()
	f()
}

func describe(s Shape) {
	fmt.Println("describing")
	fmt.Println("area", s.Area())
}

func note(s string) string {
	fmt.Println("note", s)
	return s
}

func lookup(key string, fail bool) error {
	var e *NotFound
	if fail {
		e = &NotFound{key}
	}
	return e
}

func deferred(s Shape) {
	defer func() { fmt.Println("deferred call:", recover()) }()
	defer s.Area()
	fmt.Println("before the deferred call")
}

var global Shape = (*Rect)(nil)

func main() {
	var r *Rect
	var c *Celsius
	shapes := []Shape{Rect{1, 2}, &Circle{1}, r, c}
	for i, s := range shapes {
		try(fmt.Sprint("range ", i), func() { fmt.Println(s.Area()) })
	}
	try("index", func() { fmt.Println(shapes[2].Area()) })
	try("argument first", func() { fmt.Println(shapes[3].Label(note("arg"), "a", "b")) })
	try("second call", func() { fmt.Println(shapes[0].Area(), shapes[2].Area()) })
	try("and", func() { ok := len(shapes) > 0; fmt.Println(ok && shapes[3].Area() > 0) })
	try("parameter", func() { describe(r) })
	st := &Store{items: map[string]Shape{"r": r}}
	try("returned", func() { fmt.Println(st.Get("r").Label("x")) })
	try("global", func() { fmt.Println(global.Area()) })
	try("method value", func() {
		f := shapes[2].Area
		fmt.Println("method value made")
		fmt.Println(f())
	})
	deferred(c)
	done := make(chan bool)
	go func() {
		defer func() { fmt.Println("goroutine:", recover()); done <- true }()
		shapes[2].Area()
	}()
	<-done

	// gc calls these directly: a nil dereference.
	try("local of one type", func() { var s Shape = r; fmt.Println(s.Area()) })
	try("converted", func() { fmt.Println(Shape(c).Area()) })
	err := lookup("k", false)
	if err != nil {
		fmt.Println("a nil *NotFound is a non-nil error")
		try("inlined constructor", func() { fmt.Println(err.Error()) })
	}
	fmt.Println(lookup("k", true))
}
