// Assertions to interfaces of values of named types that are not structs,
// and to the empty interface.
package main

import "fmt"

type Shape interface{ Area() float64 }

type Square float64

func (s Square) Area() float64 { return float64(s * s) }

type Meters float64

func (m Meters) Len() float64 { return float64(m) }

type Counter int

func (c *Counter) Area() float64 { return float64(*c) }

func kind(v any) string {
	switch x := v.(type) {
	case interface{ Len() float64 }:
		return fmt.Sprint("length ", x.Len())
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case interface{}:
		return fmt.Sprintf("any %v", x)
	}
	return "nil"
}

func main() {
	c := Counter(3)
	for _, v := range []any{Square(2), Meters(5), 7.0, &c, c, nil} {
		_, isShape := v.(Shape)
		_, isAny := v.(interface{})
		_, hasLen := v.(interface{ Len() float64 })
		fmt.Println(kind(v), isShape, isAny, hasLen)
	}
}
