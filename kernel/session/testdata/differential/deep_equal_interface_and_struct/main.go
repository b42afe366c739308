// reflect.DeepEqual of a value of one of the notebook's interfaces, or of
// a compiled one (fmt.Stringer), and a value of the type it holds compares
// them as Go does, by type and value (the interpreter hands a variable's
// value over without its box, a Stringer in its wrapper); so does
// reflect.DeepEqual taken as a value.
package main

import (
	"fmt"
	"reflect"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

type Circle struct{ R float64 }

type Size int

type Scene struct{ Main Shape }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) String() string  { return "rect" }
func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (s Size) Area() float64   { return float64(s) }

func parse(s string) Shape {
	if s == "rect" {
		return Rect{3, 4}
	}
	return Circle{1}
}

func main() {
	got := parse("rect")
	fmt.Println(reflect.DeepEqual(got, Rect{3, 4}), reflect.DeepEqual(Rect{3, 4}, got))
	fmt.Println(reflect.DeepEqual(got, Rect{3, 5}), reflect.DeepEqual(got, Circle{1}))
	fmt.Println(reflect.DeepEqual(parse("c"), Circle{1}), reflect.DeepEqual(parse("c"), &Circle{1}))
	var any1 any = Rect{3, 4}
	fmt.Println(reflect.DeepEqual(any1, got), reflect.DeepEqual(any1, Rect{3, 4}))
	var s Shape = Size(3)
	fmt.Println(reflect.DeepEqual(s, Size(3)), reflect.DeepEqual(s, 3), reflect.DeepEqual(s, Size(4)))
	var none Shape
	fmt.Println(reflect.DeepEqual(none, nil), reflect.DeepEqual(none, Rect{}))
	var st fmt.Stringer = Rect{1, 2}
	fmt.Println(reflect.DeepEqual(st, Rect{1, 2}), reflect.DeepEqual(Rect{1, 2}, st))
	a := Scene{Rect{3, 4}}
	fmt.Println(reflect.DeepEqual(a.Main, Rect{3, 4}), reflect.DeepEqual(any(a.Main), Rect{3, 4}))
	var x any = a.Main
	fmt.Println(reflect.DeepEqual(x, Rect{3, 4}), reflect.DeepEqual(x, a.Main))
	ss := []Shape{Rect{1, 1}}
	fmt.Println(reflect.DeepEqual(ss[0], Rect{1, 1}), reflect.DeepEqual(ss[0], ss[0]))
	f := reflect.DeepEqual // (taken as a value)
	fmt.Println(f(a, Scene{Rect{3, 4}}), f(a, Scene{Rect{3, 5}}))
	fmt.Println(reflect.DeepEqual([]Shape{Rect{1, 2}}, []Shape{Rect{1, 2}}), reflect.DeepEqual(map[string]Shape{"a": Circle{2}}, map[string]Shape{"a": Circle{2}}))
}
