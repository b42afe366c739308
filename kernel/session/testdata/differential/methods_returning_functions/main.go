// A method that returns a function, called by another method and by the
// cell (l.G()()): the registration of the methods for reflect must not
// break the interpreter's compilation of such calls.
package main

import "fmt"

type Foo struct{ n int }

func (l *Foo) G() func() *int {
	return func() *int {
		t := new(int)
		*t = 100 + l.n
		return t
	}
}

func (l *Foo) F3() *int {
	return l.G()()
}

func main() {
	foo := Foo{}
	fmt.Println(*foo.F3(), *foo.G()())
	counters := map[string]func() *int{"a": foo.G()}
	fmt.Println(*counters["a"]())
}
