package main

import "fmt"

func Inner[T any](xs []T, n int) []T {
	var out []T
	for i := 0; i < n; i++ {
		out = append(out, xs...)
	}
	return out
}

func Middle[T any](xs []T, n int) []T { return Inner(xs, n) }

// A three-deep chain: each instantiation is found in the body of the one before.
func Outer[T any](x T) []T { return Middle([]T{x}, 2) }

type Tree[T any] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func Insert[T int | string](t *Tree[T], v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = Insert(t.Left, v)
	} else {
		t.Right = Insert(t.Right, v)
	}
	return t
}

func main() {
	fmt.Println(Outer(1), Outer("a"), len(Outer([]int{1})))
	var t *Tree[int]
	for _, v := range []int{5, 2, 8, 1} {
		t = Insert(t, v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
}
