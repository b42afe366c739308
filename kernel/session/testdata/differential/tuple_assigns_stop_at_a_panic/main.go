// An assignment of several places evaluates every value before it assigns
// any: when a later value panics (a nil pointer, an index out of range, a
// failed assertion, a division by zero), no place has changed.
package main

import "fmt"

type node struct {
	next *node
	v    int
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panicked:", recover() != nil) }()
	f()
}

func main() {
	m := map[int][]int{}
	var p *int
	try("map", func() { m[0], _ = append(m[0], 0), *p })
	fmt.Println(len(m))

	x, y := 1, 2
	var n *node
	try("field", func() { x, y = 10, n.v })
	fmt.Println(x, y)

	s := []int{1, 2, 3}
	i := 5
	a, b := "a", "b"
	try("index", func() { a, b = "A", fmt.Sprint(s[i]) })
	fmt.Println(a, b)

	var v any = "str"
	k := 0
	try("assert", func() { k, y = 7, v.(int) })
	fmt.Println(k, y)

	zero := 0
	try("divide", func() { x, y = 100, x/zero })
	fmt.Println(x, y)

	try("fine", func() { x, y = y, x/1 })
	fmt.Println(x, y)
}
