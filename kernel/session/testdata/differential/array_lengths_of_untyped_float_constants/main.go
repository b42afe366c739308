// Array lengths written as untyped float constants (1e1, Size * 2 with
// const Size = 4.0) are integers to Go.
package main

import "fmt"

const Size = 4.0
const Rows = 3.0

var grid [Rows][Size]int

func main() {
	var b [1e1]int
	var c [2.0 * Size]string
	type buf [Size * 2]byte
	var d buf
	fmt.Println(len(b), len(c), len(d), len(grid), len(grid[0]))
	fmt.Printf("%T %T %T\n", b, d, grid)
}
