package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	comparable
}

type Square struct{ side float64 }

func (s Square) Area() float64 { return s.side * s.side }

type Circle struct{ r float64 }

func (c Circle) Area() float64 { return 3 * c.r * c.r }

func Largest[S Shape](shapes ...S) (best S) {
	for _, s := range shapes {
		if s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

// A constraint with a method and a type set.
type Named interface {
	~string
	Upper() string
}

type Tag string

func (t Tag) Upper() string { return strings.ToUpper(string(t)) }

func Shout[N Named](ns []N) string {
	var parts []string
	for _, n := range ns {
		parts = append(parts, n.Upper()+"("+string(n)+")")
	}
	return strings.Join(parts, " ")
}

type Number interface{ ~int | ~float64 }

type Vec[T Number] struct{ X, Y T }

func (v Vec[T]) Add(o Vec[T]) Vec[T] { return Vec[T]{v.X + o.X, v.Y + o.Y} }

func (v Vec[T]) String() string { return fmt.Sprintf("(%v, %v)", v.X, v.Y) }

func Sum[T Number](vs ...Vec[T]) (s Vec[T]) {
	for _, v := range vs {
		s = s.Add(v)
	}
	return
}

func main() {
	fmt.Println(Largest(Square{2}, Square{3}, Square{1}), Largest(Circle{1}, Circle{2}))
	fmt.Println(Shout([]Tag{"go", "chan"}))
	fmt.Println(Sum(Vec[int]{1, 2}, Vec[int]{3, 4}), Sum(Vec[float64]{0.5, 1}))
	var s fmt.Stringer = Vec[int]{7, 8}
	fmt.Println(s)
}
