// A for statement whose post statement assigns several variables with a
// call among the values: container/list's PushFrontList walks back with
// `for i, e := other.Len(), other.Back(); i > 0; i, e = i-1, e.Prev()`.
// The interpreter assigned i before it called e.Prev(), and then not at
// all: the loop printed "2 1" for "1 1" and went on to call Prev on nil
// (Go's test/typeparam/list2.go).
package main

import "fmt"

type node struct {
	prev *node
	v    int
}

func (n *node) Prev() *node { return n.prev }

func prev(n *node) *node { return n.prev }

func double(n int) int { return 2 * n }

func fib() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	a := &node{v: 1}
	b := &node{prev: a, v: 2}
	c := &node{prev: b, v: 3}
	for i, e := 3, c; i > 0; i, e = i-1, e.Prev() {
		fmt.Print(i, ":", e.v, " ")
	}
	fmt.Println()
	for e, i := c, 3; i > 0; e, i = prev(e), i-1 {
		fmt.Print(i, ":", e.v, " ")
	}
	fmt.Println()

	// The init statement too, and a blank.
	next := fib()
	var x, y int
	for x, y = next(), next(); y < 20; x, y = y, next() {
		fmt.Print(x, "+", y, " ")
	}
	fmt.Println()
	n := 0
	for _, e := 0, c; e != nil; _, e = n, e.Prev() {
		n++
	}
	fmt.Println(n)

	// A switch's init statement.
	lo, hi := 1, 2
	switch lo, hi = hi, double(lo); {
	case lo < hi:
		fmt.Println("rising", lo, hi)
	default:
		fmt.Println("not rising", lo, hi)
	}

	// Closures of each iteration keep its variables (Go 1.22).
	var fs []func() int
	for i, e := 2, b; i > 0; i, e = i-1, e.Prev() {
		fs = append(fs, func() int { return i*10 + e.v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
