// %T and %#v of instances of generic types, as a generics lesson prints
// them (a List of Pairs, a Set of strings, a Box of bytes): the runtime
// spells type arguments without a space between them, by reflect's
// spelling (uint8 for byte, struct { X int } for struct{X int}), named
// types by their package's path, and an instance of a standard library's
// generic type by its package (atomic.Pointer[...]). goconc printed
// main.List[main.Pair[string, int]], main.Box[byte], main.Pointer[...].
package main

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

type Box[T any] struct{ V T }

type Set[T comparable] map[T]struct{}

func main() {
	var l List[Pair[string, int]]
	l.Push(Pair[string, int]{"a", 1})
	fmt.Printf("%T\n%+v\n%#v\n", l, l, l.items)
	fmt.Printf("%T %T %T\n", Box[byte]{}, Box[[]rune]{}, Box[map[string]byte]{})
	fmt.Printf("%T\n", Box[struct{ X, y int }]{})
	fmt.Printf("%T %T\n", Box[http.Header]{}, &Pair[int, Box[bool]]{})
	fmt.Printf("%T %T\n", Set[string]{}, []Box[Pair[int, int]]{})
	var p atomic.Pointer[http.Header]
	var q atomic.Pointer[Box[int]]
	fmt.Printf("%T %T\n", p, &q)
	var x any = Pair[int8, Box[uint8]]{}
	fmt.Printf("%T %v\n", x, x)
}
