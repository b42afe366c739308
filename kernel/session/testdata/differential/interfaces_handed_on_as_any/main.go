package main

import (
	"errors"
	"fmt"
)

// Values of the notebook's types in its interfaces, handed on as an any:
// a factory's result, a conversion, an assertion to an interface the value
// does not implement.

type Shape interface{ Area() float64 }

type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return 3 * c.r * c.r }

type NotFound struct{ key string }

func (e NotFound) Error() string { return "not found: " + e.key }

func makeShape(side float64) Shape { return Sq(side) }

func describe(v any) string {
	switch x := v.(type) {
	case Sq:
		return fmt.Sprintf("square %v", x)
	case Shape:
		return fmt.Sprintf("shape %.0f", x.Area())
	case interface{ Error() string }:
		return "error " + x.Error() + " / " + fmt.Sprint(x)
	}
	return fmt.Sprintf("other %T", v)
}

func main() {
	fmt.Println(describe(makeShape(2)))
	fmt.Println(describe(Shape(Sq(3))))
	var a any = Shape(Sq(4))
	fmt.Println(describe(a))
	fmt.Println(describe(&Circle{1}))
	fmt.Println(describe(Circle{1}))
	fmt.Println(describe(NotFound{"k"}))
	fmt.Println(describe(errors.New("plain")))

	for _, v := range []any{NotFound{"x"}, Circle{2}, &Circle{2}, Sq(5), 7} {
		s, ok := v.(Shape)
		fmt.Println(s != nil, ok)
	}
}
