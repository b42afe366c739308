// A switch on a value that is not an interface with cases that are
// (switch t { case i: } with i a fooer, an error, a fmt.Stringer, an
// any): Go compares the case's dynamic type and value with the tag; the
// interpreter converted the tag to the case's interface and panicked
// ("value of type int cannot be converted to type interp.valueInterface",
// Go's test/typeparam/issue51522b.go). The cases are written as
// comparisons.
package main

import (
	"errors"
	"fmt"
	"io"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type MyErr struct{ code int }

func (e MyErr) Error() string { return fmt.Sprint("code ", e.code) }

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

type myint int

func (m myint) foo() {}

type fooer interface{ foo() }

func f(n int) any { fmt.Println("f", n); return n }

func main() {
	var s fmt.Stringer = Celsius(3)
	c := Celsius(3)
	switch c {
	case s:
		fmt.Println("stringer matched")
	default:
		fmt.Println("no")
	}
	var err error = MyErr{4}
	switch (MyErr{4}) {
	case err:
		fmt.Println("error matched")
	}
	var sh Shape = Sq{2}
	switch (Sq{2}) {
	case Sq{1}, sh:
		fmt.Println("shape matched")
	}
	n := 5
	switch n {
	case f(4), f(5), f(6):
		fmt.Println("five")
	}
	switch x := 7; x {
	case any(7.0):
		fmt.Println("float")
	case any(7):
		fmt.Println("int")
	}
	var t myint
	var i fooer = myint(0)
	switch t {
	case i:
		fmt.Println("fooer matched")
	}
	var r io.Reader
	switch e := *new(MyErr); e {
	case error(MyErr{}), err:
		fmt.Println("zero err")
	}
	switch e := errors.New("x"); any(e) {
	case r:
		fmt.Println("reader?")
	default:
		fmt.Println("default")
	}
}
