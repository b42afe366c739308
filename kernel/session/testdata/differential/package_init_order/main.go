// Package-level variables are initialized in dependency order, not as
// written, a group's too; len of a pointer to an array is its length,
// even nil, and len of an array element is a constant.
package main

import "fmt"

var total = sum(values)

var (
	first  = next("first")
	second = len(<-ready) // needs ready, declared below
	third  = next("third")
)

var ready = func() chan *[3]int {
	fmt.Println("making ready")
	c := make(chan *[3]int, 1)
	c <- nil
	return c
}()

var values = []int{1, 2, 3, extra}

var extra = next("extra")

var counter int

func next(name string) int {
	counter++
	fmt.Println("initializing", name, counter)
	return counter
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

var grid [][5]int

const width = len(grid[7]) // grid[7] is not evaluated

func main() {
	fmt.Println(total, first, second, third, values, width)
	var p *[4]string
	n := 0
	for i := range p {
		n += i
	}
	fmt.Println(len(p), cap(p), n)
}
