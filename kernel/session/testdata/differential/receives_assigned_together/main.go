// Several values received at once into interfaces, some of the
// notebook's named types: Yaegi set each variable in place and panicked
// when one held a box and the next value none.
package main

import "fmt"

type Plain int

type Label string

func (l Label) String() string { return "<" + string(l) + ">" }

func main() {
	ch := make(chan any, 8)
	ch <- Plain(1)
	ch <- 2
	ch <- Label("x")
	ch <- "y"
	var a, b any
	a, b = <-ch, <-ch
	fmt.Printf("%T %v %T %v\n", a, a, b, b)
	a, b = <-ch, <-ch
	fmt.Printf("%T %v %T %v\n", a, a, b, b)

	names := make(chan fmt.Stringer, 2)
	names <- Label("first")
	names <- Label("second")
	var first, second fmt.Stringer
	first, second = <-names, <-names
	fmt.Println(first, second)
}
