// Values of the notebook's interfaces with methods compare by dynamic type
// and value with values of the notebook's types, as Go's test/convT2X.go
// checks: a U16 in a J equals the U16 itself, whichever way the J got it.
package main

import "fmt"

type J interface{ Method() }

type U16 uint16

func (U16) Method() {}

type V32 uint32

func (V32) Method() {}

type S string

func (S) Method() {}

var u16 = U16(1)
var ju16 J = u16

func main() {
	fmt.Println(u16 != ju16, ju16 != u16, u16 == ju16)
	var a, b J = U16(1), V32(1)
	fmt.Println(a == U16(1), b == V32(1), a != V32(1), J(S("x")) == S("x"))
	switch a {
	case V32(1):
		fmt.Println("V32")
	case U16(1):
		fmt.Println("U16")
	}
	m := map[J]int{a: 1}
	m[b] = 2
	fmt.Println(len(m), m[U16(1)], m[V32(1)])

	results := make(chan J, 2)
	go func() { results <- U16(7) }()
	x := <-results
	fmt.Println(x == U16(7), x == J(U16(7)), x != V32(7))
}
