package main

// A function's result of one of the notebook's interfaces handed straight
// to another function (describe(newShape(2))), to a function value, to an
// assertion, a type switch or a variadic parameter, keeps its dynamic
// type: in the callee, the assertions see a Square, not a Shape.

import (
	"fmt"
	"math"
)

type Shape interface{ Area() float64 }

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 { return math.Pi * c.r * c.r }

func newShape(n int) Shape {
	if n%2 == 0 {
		return Square{float64(n)}
	}
	return &Circle{float64(n)}
}

func pair() (Shape, string) { return Square{3}, "pair" }

func describe(s Shape) string {
	switch v := s.(type) {
	case Square:
		return fmt.Sprintf("square of side %.0f", v.side)
	case *Circle:
		return fmt.Sprintf("circle of radius %.0f", v.r)
	}
	return "unknown shape"
}

func named(s Shape, name string) string { return name + ": " + describe(s) }

func largest(shapes ...Shape) Shape {
	best := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

var done = make(chan bool)

func report(s Shape, name string) {
	fmt.Println("reported", named(s, name))
	done <- true
}

func main() {
	fmt.Println(describe(newShape(2)))
	fmt.Println(describe(newShape(3)))
	fmt.Println(named(pair()))
	fmt.Println(describe(largest(newShape(4), newShape(1), newShape(2))))
	show := func(s Shape) { _, isSquare := s.(Square); fmt.Println("square?", isSquare) }
	show(newShape(6))
	show(newShape(7))
	sq := newShape(8).(Square)
	fmt.Println(sq.side, sq.Area())
	c, ok := newShape(9).(*Circle)
	fmt.Println(c.r, ok)
	_, ok = newShape(9).(Square)
	fmt.Println(ok)
	ch := make(chan Shape, 1)
	ch <- newShape(10)
	fmt.Println(describe(<-ch))
	fmt.Printf("%T %v\n", newShape(12), newShape(12))
	defer func() { fmt.Println("deferred last") }()
	defer fmt.Println(named(pair()))
	defer named(pair())
	go report(pair())
	<-done
}
