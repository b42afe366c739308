// A nil value of one of the notebook's interfaces converted to any (a
// variable, a func(v any)'s parameter, an element, a field, a map's value)
// is nil: v != nil is false, as v == nil is true; the interpreter's !=
// said true, and its type switch took it to default, not to case nil. A
// typed nil pointer in an interface is not nil.
package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 }

type MyErr struct{}

func (*MyErr) Error() string { return "my" }

func notNil(x any) bool { return x != nil }

func get(fail bool) error {
	var p *MyErr
	if fail {
		return p
	}
	return nil
}

type holder struct{ v any }

func nilShape() any {
	var s Shape
	return s
}

func main() {
	var s Shape
	var x any = s
	fmt.Println(x == nil, x != nil, notNil(s), notNil(x))
	y := any(s)
	fmt.Println(y != nil)
	h := holder{s}
	fmt.Println(h.v != nil)
	for _, v := range []any{s, &Circle{1}} {
		fmt.Println(v != nil)
	}
	m := map[string]any{"a": s}
	fmt.Println(m["a"] != nil)
	if v := any(s); v != nil {
		fmt.Println("a nil Shape is not nil?")
	}

	var p *Circle
	var ps Shape = p
	var px any = p
	fmt.Println(ps != nil, px != nil, ps == nil, px == nil)
	fmt.Println(get(true) != nil, get(false) != nil, errors.New("x") != nil)
	n := 0
	for _, sh := range []Shape{nil, &Circle{}, p} {
		if sh != nil {
			n++
		}
	}
	fmt.Println(n)

	// Through a result, a channel, and a type switch's case nil.
	r := nilShape()
	ch := make(chan any, 1)
	ch <- s
	got := <-ch
	fmt.Println(r != nil, got != nil, nilShape() != nil)
	for _, v := range []any{r, got, &Circle{}} {
		switch v.(type) {
		case nil:
			fmt.Println("nil")
		default:
			fmt.Println("a value")
		}
	}
}
