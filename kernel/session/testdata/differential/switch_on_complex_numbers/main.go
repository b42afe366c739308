// A switch on a complex number with constant cases written as integers or
// floats: the interpreter panicked comparing them ("reflect.Value.Convert:
// value of type complex128 cannot be converted to type int").
package main

import (
	"fmt"
	"math/cmplx"
)

func name(z complex128) string {
	switch z {
	case 0:
		return "zero"
	case 1, -1:
		return "real unit"
	case 1i, -1i:
		return "imaginary unit"
	case 0.5:
		return "a half"
	}
	return fmt.Sprintf("%.2f at %.2f rad", cmplx.Abs(z), cmplx.Phase(z))
}

func main() {
	for _, z := range []complex128{0, 1, -1i, 0.5, 3 + 4i, cmplx.Sqrt(-1)} {
		fmt.Println(z, name(z))
	}
	var w complex64 = 2
	switch w {
	case 2:
		fmt.Println("complex64 two")
	}
}
