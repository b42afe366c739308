// %#v names a generic type's instances as Go does (main.H[string]), with
// or without methods, inside other values too.
package main

import "fmt"

type P struct {
	K string
	V int
}

func (p P) String() string { return "p" }

type G[T any] struct{ V T }

func (g G[T]) String() string { return "g" }

type H[T any] struct{ V T }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type holder struct {
	h  H[int]
	Ps []Pair[string, int]
}

func main() {
	p := P{"a", 1}
	fmt.Printf("%#v %v\n", p, p)
	g := G[int]{3}
	fmt.Printf("%#v %v\n", g, g)
	h := H[string]{"x"}
	fmt.Printf("%#v %v %T\n", h, h, h)
	fmt.Printf("%#v\n", &g)
	fmt.Printf("%#v\n", []G[int]{g})
	fmt.Printf("%#v\n", []H[string]{h})
	fmt.Printf("%#v\n", map[string]Pair[string, int]{"a": {"k", 1}})
	fmt.Printf("%#v\n", holder{H[int]{2}, []Pair[string, int]{{"z", 9}}})
	fmt.Printf("%#v\n", &Pair[int, bool]{1, true})
}
