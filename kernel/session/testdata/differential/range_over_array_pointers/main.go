// Ranging over a pointer to an array: the elements, read as the loop
// comes to them, and a nil pointer panics as Go's does.
package main

import "fmt"

type Board [3][3]byte

func (b *Board) Rows() {
	for i, row := range b {
		fmt.Println(i, string(row[:]))
	}
}

func main() {
	pa := &[3]int{1, 2, 3}
	var fs []func() int
	for i, v := range pa {
		pa[2] = 10 * (i + 1)
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	b := &Board{{'x', '.', 'o'}, {'.', 'x', '.'}, {'o', '.', 'x'}}
	b.Rows()
	for i := range pa {
		fmt.Print(i)
	}
	for i, v := range pa {
		fmt.Print(i, v)
	}
	fmt.Println()
	var np *[2]int
	for i := range np {
		fmt.Print(i)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		for _, v := range np {
			fmt.Println(v)
		}
	}()
}
