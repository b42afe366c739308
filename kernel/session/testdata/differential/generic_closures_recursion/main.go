package main

import "fmt"

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Counter[T comparable]() (func(T), func() map[T]int) {
	m := map[T]int{}
	return func(v T) { m[v]++ }, func() map[T]int { return m }
}

func Reduce[T, A any](xs []T, acc A, f func(A, T) A) A {
	if len(xs) == 0 {
		return acc
	}
	return Reduce(xs[1:], f(acc, xs[0]), f)
}

func main() {
	even := Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	fmt.Println(even)
	add, get := Counter[string]()
	for _, w := range []string{"a", "b", "a"} {
		add(w)
	}
	fmt.Println(get())
	fmt.Println(Reduce([]int{1, 2, 3}, "", func(s string, i int) string { return s + fmt.Sprint(i) }))
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return Reduce([]int{i, i}, 0, func(a, b int) int { return a + b }) })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
