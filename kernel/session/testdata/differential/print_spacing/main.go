// fmt.Print and Sprint put a space between two operands when neither is
// a string: an any holding a string, or a named string type, is one.
package main

import (
	"fmt"
	"log"
	"os"
)

type P struct{ n int }

type Color string

func (c Color) String() string { return "color:" + string(c) }

type Plain string

func main() {
	var a, b any = "x", "y"
	var c, d any = 1, 2
	fmt.Print(a, b, "\n")
	fmt.Print(c, d, "\n")
	fmt.Print(a, c, b, "\n")
	s := fmt.Sprint(a, b, c, d, P{1})
	fmt.Println(s)
	fmt.Println(fmt.Sprint(a, "z", b))
	var col, pl any = Color("red"), Plain("p")
	fmt.Println(fmt.Sprint(col, pl, a, 3, col))
	fmt.Println(fmt.Sprint(Color("blue"), Plain("q"), 4))
	xs := []any{"m", "n", 5, Color("g"), P{2}}
	fmt.Print(xs...)
	fmt.Println()
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Print(a, b, c, col)
	var e error
	fmt.Print(e, a, nil, "\n")
}
