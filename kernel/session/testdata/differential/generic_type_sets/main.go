package main

import (
	"fmt"
	"time"
)

type Number interface {
	~int | ~int64 | ~float64
}

// Ordered is cmp.Ordered, written out.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

type Celsius float64

type Score int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Stringer interface{ String() string }

func Join[T Stringer](xs []T, sep string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += sep
		}
		out += x.String()
	}
	return out
}

func (s Score) String() string { return fmt.Sprintf("%d points", int(s)) }

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[Celsius](20, 1.5), Sum(Score(3), Score(4)))
	fmt.Printf("%T %v\n", Sum[Celsius](1), Sum(time.Second, 2*time.Second))
	fmt.Println(Max(3, 7), Max("go", "chan"), Max(2.5, -1.0))
	fmt.Println(Join([]Score{1, 2, 3}, ", "))
	fmt.Println(Index([]string{"a", "b"}, "b"), Index([]Score{5, 6}, 7))
}
