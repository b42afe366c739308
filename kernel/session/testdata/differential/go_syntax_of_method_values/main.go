// %#v calls neither String nor Error: a value whose type has one of them
// is printed as Go syntax with its declared fields, held in an error or a
// fmt.Stringer too.
package main

import (
	"errors"
	"fmt"
)

type netErr struct {
	msg  string
	Code int
}

func (e netErr) Error() string { return e.msg }

type Person struct {
	Name string
	age  int
}

func (p Person) String() string { return fmt.Sprintf("%s(%d)", p.Name, p.age) }

type ptrErr struct{ op string }

func (e *ptrErr) Error() string { return e.op + " failed" }

func main() {
	fmt.Printf("%v %+v %#v\n", netErr{"a", 1}, netErr{"b", 2}, netErr{"c", 3})
	var e error = netErr{"d", 4}
	fmt.Printf("%v %+v %#v %T\n", e, e, e, e)
	p := Person{"Alice", 30}
	fmt.Printf("%v %+v %#v\n", p, []Person{p}, p)
	var s fmt.Stringer = p
	fmt.Printf("%s %#v\n", s, s)
	var pe error = &ptrErr{"read"}
	fmt.Printf("%v %#v\n", pe, *pe.(*ptrErr))
	wrapped := fmt.Errorf("wrap: %w", e)
	fmt.Printf("%v %#v\n", wrapped, errors.Unwrap(wrapped))
	fmt.Println(fmt.Sprintf("%#v", map[string]Person{"a": p}))
}
