// Several values assigned at once, one of them a composite literal: the
// other places must get their values too.
package main

import "fmt"

type point struct{ x, y int }

type set struct{ m map[int]bool }

func (s set) values() []int {
	var r []int
	for v := range s.m {
		r = append(r, v)
	}
	return r
}

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

var total, parts = sum(1, 2), []int{1, 2}

func main() {
	s := set{map[int]bool{1: true}}
	if got, want := s.values(), []int{1}; len(got) != len(want) {
		fmt.Println("got", got, "want", want)
	} else {
		fmt.Println("values", got)
	}

	n := 7
	a, b := n, []string{"x"}
	fmt.Println(a, b)

	var c int
	var d point
	c, d = n+1, point{1, 2}
	fmt.Println(c, d)

	var e, f = sum(3, 4), map[string]int{"k": n}
	fmt.Println(e, f)

	p, q := point{y: 2}, &point{x: 3}
	fmt.Println(p, *q)

	for i, acc := 0, []int{}; i < 3; i++ {
		acc = append(acc, i*n)
		fmt.Println(i, acc)
	}
	fmt.Println(total, parts)
}
