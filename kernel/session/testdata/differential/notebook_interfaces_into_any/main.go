// A value in an interface the notebook declares, put into an any (by
// assignment, conversion, a slice, a map key, a send, a result): the any
// holds the value itself, equal to the same value put there directly,
// whether the value's type is compiled (time.Duration) or the notebook's.
package main

import (
	"fmt"
	"time"
)

type Stringer interface{ String() string }

type P struct{ X int }

func (p P) String() string { return fmt.Sprint("P", p.X) }

var global Stringer = time.Second

func main() {
	var s Stringer = time.Second
	var p Stringer = P{1}
	var a any = s
	b := any(s)
	fmt.Println(a == any(time.Second), b == any(time.Second), any(global) == any(time.Second))
	fmt.Println(any(p) == any(P{1}), any(p) == any(P{2}))

	m := map[any]int{}
	m[s]++
	m[time.Second]++
	m[global]++
	m[p]++
	m[P{1}]++
	fmt.Println(len(m), m[time.Second], m[P{1}])

	xs := []any{s, global, time.Second, p}
	fmt.Println(xs[0] == xs[2], xs[1] == xs[2], xs[3] == any(P{1}))

	ch := make(chan any, 2)
	ch <- s
	ch <- p
	x, y := <-ch, <-ch
	fmt.Println(x == any(time.Second), y == any(P{1}))
	f := func() any { return s }
	fmt.Println(f() == any(time.Second))

	switch v := a.(type) {
	case time.Duration:
		fmt.Println("duration", v.Seconds())
	default:
		fmt.Printf("other %T\n", v)
	}
	var st fmt.Stringer = s
	fmt.Println(st == fmt.Stringer(time.Second), st)
}
