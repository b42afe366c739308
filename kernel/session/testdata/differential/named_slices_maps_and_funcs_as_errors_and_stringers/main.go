// The notebook's named slice, map and function types with Error or String
// methods (a multi-error type collecting a validation's errors, a map of
// field errors, a function type with String) as errors and Stringers.
// The classic: a nil Errs returned as an error is not a nil error, and Go
// calls its Error method; the cell's error was nil. A type switch or an
// assertion took an Other for an Errs (both []error to reflect), and a
// function type's value printed as a pointer (0x4e5b20) for Go's "op".
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Errs []error

func (e Errs) Error() string {
	var s []string
	for _, x := range e {
		s = append(s, x.Error())
	}
	return "errs[" + strings.Join(s, "; ") + "]"
}

type Other []error

func (o Other) Error() string { return "other" }

type Fields map[string]string

func (f Fields) Error() string { return fmt.Sprint(len(f), " bad fields") }

type Handler func(string) string

func (h Handler) Error() string { return "handler error" }

type Op func(int, int) int

func (o Op) String() string     { return "op" }
func (o Op) Apply(a, b int) int { return o(a, b) }

func validate(n int) error {
	var errs Errs
	if n < 0 {
		errs = append(errs, errors.New("negative"))
	}
	if n > 100 {
		errs = append(errs, errors.New("too big"))
	}
	return errs
}

func check() error {
	var f Fields
	return f
}

func main() {
	for _, n := range []int{1, -1} {
		err := validate(n)
		fmt.Println(err == nil, err)
		switch v := err.(type) {
		case Other:
			fmt.Println("other", v)
		case Errs:
			fmt.Println("errs", len(v), v == nil)
		}
		e, ok := err.(Errs)
		_, isOther := err.(Other)
		fmt.Println(ok, len(e), isOther)
	}
	err := check()
	fmt.Printf("%v %T %v\n", err == nil, err, err)
	var target Fields
	fmt.Println(errors.As(err, &target), target == nil)
	var h error = Handler(nil)
	fmt.Println(h == nil, h)

	add := Op(func(a, b int) int { return a + b })
	fmt.Println(add, add.Apply(1, 2), []Op{add})
	fmt.Printf("%v %s|%T\n", add, add, add)
	var st fmt.Stringer = Op(nil)
	fmt.Println(st == nil, st)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = validate(200).(Other)
	}()
}
