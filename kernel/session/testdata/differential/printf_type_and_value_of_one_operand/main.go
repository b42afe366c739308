// %T and another verb of one operand ("%[1]T %[1]v"), in a constant
// format and in one that is not: the notebook's types are named as Go
// names them, and the value keeps its String method.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type point struct{ x, y int }

type shape interface{ area() float64 }

type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

func describe(v any) string { return fmt.Sprintf("%[1]T(%[1]v)", v) }

func main() {
	fmt.Printf("%[1]T %[1]v\n", Celsius(21))
	fmt.Printf("%[1]T %[1]v %[1]d %+[2]v\n", point{1, 2}, point{3, 4})
	fmt.Printf("%T %v %[1]T|%-14[2]T|%.4[2]T\n", Celsius(3), Celsius(4))
	var x any = Celsius(5)
	fmt.Printf("%[1]T %[1]v\n", x)
	var s shape = square{2}
	fmt.Printf("%[1]T %[1]v %.1[2]f\n", s, s.area())
	fmt.Println(describe(point{5, 6}), describe(Celsius(7)), describe(nil), describe(42))
	format := "%[2]T %[1]q %[2]v %T\n"
	fmt.Printf(format, "a", Celsius(8))
	err := fmt.Errorf("%[1]T: %[1]w", errors.New("boom"))
	fmt.Println(err, errors.Unwrap(err) != nil)
	values := []any{point{7, 8}, square{1}}
	for i := range values {
		fmt.Printf("%d: %[2]T %[2]v\n", i, values[i])
	}
}
