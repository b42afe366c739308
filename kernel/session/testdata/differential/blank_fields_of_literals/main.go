// A struct literal without keys gives each field a value, its blank
// fields too: Go evaluates those and drops them, so a blank field is
// always zero, to ==, to map keys and to reflect.
package main

import (
	"fmt"
	"reflect"
)

type header struct {
	kind byte
	_    [3]byte // padding, as a binary layout would write it
	size uint32
	_    string
	_    *int
}

type key struct {
	X, _ int
	_    bool
}

var calls int

func next() int { calls++; return calls }

func main() {
	a := header{1, [3]byte{}, 64, "note", new(int)}
	b := header{1, [3]byte{}, 64, "other", nil}
	fmt.Println(a == b, reflect.ValueOf(a).Field(3).String() == "")
	fmt.Printf("%v %+v\n", a, b)

	c := header{1, [3]byte{}, 64, fmt.Sprint(next()), nil}
	fmt.Println(c == a, calls)

	var k any = key{1, 2, true}
	fmt.Println(k == any(key{1, 3, false}), k)
	counts := map[key]int{{1, 2, true}: 1}
	counts[key{1, 5, false}]++
	counts[key{X: 1}]++
	fmt.Println(len(counts), counts[key{X: 1}])

	anon := struct{ a, _, c int }{1, next(), 3}
	fmt.Println(anon, reflect.ValueOf(anon).Field(1).Int(), calls)
}
