// A type switch over an any or an interface, with cases of struct types
// that have methods: events of a small event loop.
package main

import "fmt"

type Click struct{ X, Y int }

func (c Click) String() string { return fmt.Sprintf("click(%d,%d)", c.X, c.Y) }

type Key struct{ Code rune }

func (k *Key) Name() string { return string(k.Code) }

type Tick struct{ N int }

type Shape interface{ Area() float64 }

type Square struct{ Side float64 }

func (s Square) Area() float64 { return s.Side * s.Side }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }

func handle(ev any) string {
	switch e := ev.(type) {
	case Click:
		return "clicked " + e.String()
	case *Key:
		return "key " + e.Name()
	case Tick:
		return fmt.Sprint("tick ", e.N)
	case nil:
		return "nothing"
	default:
		return fmt.Sprintf("unknown %v", e)
	}
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Square:
		return fmt.Sprint("square ", v.Side)
	case Circle:
		return fmt.Sprint("circle ", v.R)
	}
	return "other"
}

func check(v any) string {
	ok := "outer ok"
	switch e := v.(type) {
	case Click:
		n, ok := e.X, true
		return fmt.Sprint(n, ok)
	case Tick:
		return ok
	}
	return ""
}

func main() {
	fmt.Println(check(Click{7, 0}), check(Tick{1}))
	events := []any{Click{1, 2}, &Key{'q'}, Tick{3}, nil, 4.5, any(Click{5, 6})}
	for _, ev := range events {
		fmt.Println(handle(ev))
	}
	shapes := []Shape{Square{2}, Shape(Circle{1}), Circle{3}}
	for _, s := range shapes {
		fmt.Println(describe(s))
	}
	var s Shape = Square{4}
	fmt.Println(describe(s), describe(Shape(Square{5})))
}
