// An error holding a nil pointer is not nil, and it is that pointer to
// assertions, type switches, errors.As, %T and reflect.
package main

import (
	"errors"
	"fmt"
	"reflect"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return fmt.Sprint("code ", e.code)
}

type Code int

func (c *Code) Error() string { return fmt.Sprint("code ", *c) }

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

func find(ok bool) error {
	var e *MyErr
	if ok {
		return nil
	}
	return e
}

func lookup(name string) error {
	var nf *NotFound
	if name == "" {
		return nf
	}
	return nil
}

func code() error {
	var c *Code
	return c
}

func main() {
	e := find(false)
	fmt.Println(e == nil, e)
	var me *MyErr
	fmt.Println(errors.As(e, &me), me == nil)
	fmt.Printf("%T %v %s\n", e, e, e)
	p, ok := e.(*MyErr)
	fmt.Println(p == nil, ok)
	switch v := e.(type) {
	case *MyErr:
		fmt.Println("MyErr", v == nil)
	default:
		fmt.Println("other")
	}
	fmt.Println(reflect.TypeOf(e), reflect.ValueOf(e).IsNil())
	w := fmt.Errorf("wrap: %w", e)
	fmt.Println(w, errors.As(w, &me), errors.Is(w, e))
	var any1 any = e
	_, ok2 := any1.(*MyErr)
	fmt.Println(ok2)

	a, b := lookup(""), lookup("")
	fmt.Println(a == b, a != nil, a == error(nil))
	fmt.Println(a)
	fmt.Printf("%v|%+v|%T|%q|%8v|\n", a, a, a, a, a)
	c := code()
	fmt.Printf("%T %v\n", c, c == nil)
	fmt.Println(c)
	var cp *Code
	fmt.Println(errors.As(c, &cp), cp == nil)
	var nf *NotFound
	fmt.Println(errors.As(fmt.Errorf("x: %w", a), &nf), nf == nil)
	fmt.Println(errors.As(c, &nf))
	fmt.Println(reflect.TypeOf(a), reflect.ValueOf(a).Kind())
	switch a.(type) {
	case nil:
		fmt.Println("nil")
	case *NotFound:
		fmt.Println("not found type")
	}
	fmt.Println(errors.Is(a, b), errors.Is(a, c))
	m := map[error]int{a: 1}
	m[b]++
	fmt.Println(len(m), m[a])
}
