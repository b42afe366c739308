// A shift whose count is a shift of an untyped constant: the count is a
// uint, and the values are Go's (Go's test/fixedbugs/bug180.go).
package main

import "fmt"

func shift(x int) int { return 1 << (1 << (1 << (uint(x)))) }

func main() {
	x := 2
	a := 1 << (1 << uint(x))
	var u uint = 3
	b := 1 << (u * 2)
	c := 1 << (x * 2)
	d := int64(1) << (1 << u)
	fmt.Println(a, b, c, d)
	fmt.Println(shift(2))
	for i := range 3 {
		fmt.Print(1<<(1<<i), " ", uint64(1)<<(2<<i), " ")
	}
	fmt.Println()
	n := -1
	func() {
		defer func() { fmt.Println(recover()) }()
		fmt.Println(1 << n)
	}()
}
