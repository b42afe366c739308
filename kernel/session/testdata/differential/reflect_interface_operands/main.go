// reflect.TypeOf and reflect.ValueOf of an interface operand see the
// notebook's value in it: a pointer, a struct with methods, an error, a
// value in a []any, as a function taking any sees them.
package main

import (
	"errors"
	"fmt"
	"reflect"
)

type Point struct{ X, Y int }

func (p *Point) Move(dx int) { p.X += dx }

type Temp struct{ C float64 }

func (t Temp) String() string { return fmt.Sprintf("%.1fC", t.C) }

type NotFound struct{ Key string }

func (e NotFound) Error() string { return e.Key + " not found" }

type Shape interface{ Area() float64 }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

func describe(v any) {
	t := reflect.TypeOf(v)
	if t == nil {
		fmt.Println("nil")
		return
	}
	val := reflect.ValueOf(v)
	fmt.Printf("%v kind=%v methods=%d", t, t.Kind(), t.NumMethod())
	if t.Kind() == reflect.Pointer {
		val = val.Elem()
	}
	if val.Kind() == reflect.Struct {
		for i := 0; i < val.NumField(); i++ {
			fmt.Printf(" %s=%v", val.Type().Field(i).Name, val.Field(i))
		}
		fmt.Print(" settable=", val.Field(0).CanSet())
	}
	fmt.Println()
}

func main() {
	var err error = NotFound{"k"}
	var s Shape = Square{2}
	for _, v := range []any{&Point{1, 2}, Temp{21.5}, err, s, 42, "x", nil} {
		describe(v)
	}
	fmt.Println(reflect.TypeOf(err).Name(), reflect.ValueOf(s).Field(0).Float())
	wrapped := fmt.Errorf("lookup: %w", err)
	var nf NotFound
	fmt.Println(errors.As(wrapped, &nf), reflect.TypeOf(nf), reflect.TypeOf(wrapped).Kind())
	p := &Point{5, 5}
	var a any = p
	reflect.ValueOf(a).MethodByName("Move").Call([]reflect.Value{reflect.ValueOf(3)})
	fmt.Println(p.X)
}
