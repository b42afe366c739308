// A switch without a tag tests every condition a case lists, in order,
// until one holds.
package main

import "fmt"

func classify(b byte) string {
	switch {
	case '0' <= b && b <= '9', 'A' <= b && b <= 'Z':
		return "alnum"
	case b == ' ', b == '\t', b == '\n':
		return "space"
	default:
		return "other"
	}
}

func check(name string, v bool) bool {
	fmt.Print(name, " ")
	return v
}

func between[T int | float64](x, lo, hi T) string {
	switch {
	case x < lo, x > hi:
		return "out"
	}
	return "in"
}

type Range struct{ Lo, Hi int }

func (r Range) Holds(x int) bool {
	switch {
	case x < r.Lo, x > r.Hi:
		return false
	}
	return true
}

func main() {
	for _, b := range []byte("5A z\t?") {
		fmt.Printf("%q %s\n", b, classify(b))
	}
	switch {
	case check("a", false), check("b", true), check("c", true):
		fmt.Println("-> first case")
	case check("d", true):
		fmt.Println("-> second case")
	}
	x := 5
	switch y := x * 2; {
	case y < 0, y > 8:
		fmt.Println("y out of range", y)
		fallthrough
	case y == 3, y == 4:
		fmt.Println("fell through")
	default:
		fmt.Println("default")
	}
	fmt.Println(between(5, 0, 3), between(2.5, 0, 3), Range{1, 4}.Holds(7), Range{1, 4}.Holds(2))
	f := func(s string) int {
		switch {
		case s == "", len(s) > 3:
			return 0
		}
		return len(s)
	}
	fmt.Println(f(""), f("ab"), f("abcd"))
}
