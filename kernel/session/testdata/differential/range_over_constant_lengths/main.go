// A range loop with at most one variable over an array, or a pointer to
// one, does not evaluate its operand when len of it is a constant (no
// call, no receive in it): for range *p with p nil runs, as does
// for i := range b.cells with b a nil *Board. The loop panicked with a
// nil dereference (Go's test/fixedbugs/issue73476.go). An operand with a
// call is evaluated, and a loop with a blank value over *p too (one over
// p reads no element: Go's test/fixedbugs/bug454.go); so is the operand
// of len with a call: len(*f()) of a nil pointer panics (Go's
// test/fixedbugs/issue72844.go; it did not).
package main

import "fmt"

type Board struct {
	cells [3]string
	rows  *[2][4]int
}

var calls int

func grid() [3]int {
	calls++
	return [3]int{}
}

func nilBoard() *[4]int { return nil }

func panics(name string, f func()) {
	defer func() { fmt.Println(name, "panics:", recover() != nil) }()
	f()
}

func main() {
	panics("len(*nilBoard())", func() { _ = len(*nilBoard()) })
	panics("len(nilBoard())", func() { fmt.Println(len(nilBoard()), cap(nilBoard())) })
	panics("range *nilBoard()", func() {
		for range *nilBoard() {
		}
	})
	panics("range nilBoard()", func() {
		for i := range nilBoard() {
			fmt.Print(i)
		}
	})

	var p *[4]int
	for i := range *p {
		fmt.Print(i, " ")
	}
	n := 0
	for range *p {
		n++
	}
	fmt.Println(n)

	var b *Board
	for i := range b.cells {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var rows *[2][4]int
	for i := range rows[1] {
		if i == 2 {
			continue
		}
		fmt.Print(i, " ")
	}
	fmt.Println()

outer:
	for i := range *p {
		for j := range [3]int{} {
			if j == 1 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()

	for i := range grid() {
		fmt.Print(i)
	}
	fmt.Println(" calls:", calls)

	sum := 0
	for i, _ := range p {
		sum += i
	}
	fmt.Println("i, _ := range p:", sum)

	defer func() { fmt.Println("recovered:", recover()) }()
	sum = 0
	for i, _ := range *p {
		sum += i
	}
	fmt.Println("not reached", sum)
}
