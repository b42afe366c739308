// Untyped float constants that no float64 holds (1.0 / 3), declared in a
// group whose lines repeat the one before with iota, as a table of
// harmonic numbers or of scale factors is: the interpreter refused the
// group ("constant definition loop"), valid Go. Go keeps such constants
// exact: a third times three is one, a tenth and a fifth are three
// tenths.
package main

import "fmt"

const (
	h0, h1 = 1.0 / (iota + 1), 1.0 / (iota + 2)
	g0, g1
	k0, k1
)

const third = 1.0 / 3

const (
	none = iota * 0.1
	tenth
	fifth
)

func main() {
	fmt.Println(h0, h1, g0, g1, k0, k1)
	fmt.Println(third*3 == 1, third, float32(third))
	fmt.Println(none, tenth, fifth, tenth+fifth == 0.3)
	var x float32 = third
	fmt.Println(x, third*2)
}
