package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		na, sa := iter.Pull(a)
		defer sa()
		nb, sb := iter.Pull(b)
		defer sb()
		for {
			x, ok1 := na()
			y, ok2 := nb()
			if !ok1 || !ok2 || !yield(x, y) {
				return
			}
		}
	}
}

func main() {
	for a, b := range Zip(Count(5), slices.Values([]string{"a", "b", "c"})) {
		fmt.Print(a, b, " ")
	}
	fmt.Println()
	next, stop := iter.Pull(Count(3))
	v1, ok1 := next()
	v2, ok2 := next()
	stop()
	v3, ok3 := next()
	fmt.Println(v1, ok1, v2, ok2, v3, ok3)
	n2, s2 := iter.Pull2(maps.All(map[string]int{"only": 1}))
	k, v, ok := n2()
	_, _, more := n2()
	s2()
	fmt.Println(k, v, ok, more)
	fmt.Println(slices.Collect(Count(4)))
}
