// A nil appended to slices of two element types in one function: each is
// a nil of its slice's element type.
package main

import "fmt"

type P struct{ name string }

func main() {
	var ps []*P
	ps = append(ps, &P{"q"}, nil)
	fmt.Println(len(ps), ps[0].name, ps[1] == nil)
	var xs []*int
	xs = append(xs, nil)
	fmt.Println(len(xs))
	var es []error
	es = append(es, nil, fmt.Errorf("x"))
	fmt.Println(es)
	ms := append([]map[string]int{}, nil)
	fmt.Println(ms)
}
