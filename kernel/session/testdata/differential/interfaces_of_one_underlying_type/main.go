// Values of two of the notebook's types of one underlying type (type
// U16 uint16, type V16 uint16) behind one of its interfaces, compared
// with ==, with each other and with values of the types, switched on,
// and used as map keys (Go's test/convT2X.go compares such values). The
// hooks got the values out of their boxes, by which only the value was
// compared: a J holding V16(1) equalled U16(1), and two such interface
// values were always equal.
package main

import "fmt"

type J interface{ M() }
type U16 uint16
type V16 uint16

func (U16) M() {}
func (V16) M() {}

func main() {
	var a J = V16(1)
	var b J = U16(1)
	var c J = V16(1)
	fmt.Println(a == U16(1), a == V16(1), a == b, a == c, b != c)
	switch a {
	case U16(1):
		fmt.Println("u16")
	case V16(1):
		fmt.Println("v16")
	}
	switch a {
	case b:
		fmt.Println("b")
	case c:
		fmt.Println("c")
	}
	m := map[J]int{a: 1, b: 2}
	fmt.Println(len(m), m[c], m[U16(1)])
}
