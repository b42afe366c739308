package main

import (
	"fmt"
	"strconv"
)

type List[T any] []T

func (l List[T]) Map(f func(T) T) List[T] {
	out := make(List[T], len(l))
	for i, v := range l {
		out[i] = f(v)
	}
	return out
}

// Inferred from a named slice type: S keeps the caller's type.
func Reverse[S ~[]E, E any](s S) S {
	out := make(S, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func Apply[T, R any](x T, fs ...func(T) R) []R {
	var out []R
	for _, f := range fs {
		out = append(out, f(x))
	}
	return out
}

func Ptr[T any](v T) *T { return &v }

func Zero[T any]() (z T) { return }

func Convert[To, From ~int | ~float64](x From) To { return To(x) }

func main() {
	l := List[int]{1, 2, 3}.Map(func(i int) int { return i * 10 })
	r := Reverse(l)
	fmt.Printf("%v %T\n", r, r)
	fmt.Println(Apply(7, strconv.Itoa, func(i int) string { return fmt.Sprint(i * i) }))
	p := Ptr("x")
	*p += "y"
	fmt.Println(*p, *Ptr(3.5), Zero[string]() == "", Zero[*int]() == nil, Zero[[2]bool]())
	fmt.Println(Convert[int](3.9), Convert[float64](2))
	f := Reverse[[]string]
	fmt.Println(f([]string{"a", "b"}))
}
