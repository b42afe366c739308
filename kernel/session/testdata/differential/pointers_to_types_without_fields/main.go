// Pointers to struct types without fields, with pointer receivers (type
// ErrX struct{} with func (*ErrX) Error(); type A struct{} with func (*A)
// Run()), in an error, an any and one of the notebook's interfaces. To
// reflect every such pointer is a *struct{}: errors.As filled an *ErrY
// from an *ErrX, %T of the error named *main.ErrY for an *ErrX, a type
// switch on errors.Unwrap(err) took case *ErrX for an *ErrY, x.(*ErrX)
// of an *ErrY held, and r.(*A) of a *B. The box (or the one the
// evaluator keeps for the wrapper that gives the value to compiled code)
// decides now; a nil *ErrX returned as an error is still not nil.
package main

import (
	"errors"
	"fmt"
)

type ErrX struct{}
type ErrY struct{}

func (*ErrX) Error() string { return "x" }
func (*ErrY) Error() string { return "y" }

type Runner interface{ Run() string }
type A struct{}
type B struct{}

func (*A) Run() string { return "a" }
func (*B) Run() string { return "b" }

func get(i int) error {
	if i == 0 {
		return &ErrX{}
	}
	return fmt.Errorf("wrap: %w", &ErrY{})
}

func mayFail(fail bool) error {
	var e *ErrX
	if fail {
		e = &ErrX{}
	}
	return e
}

func main() {
	for i := 0; i < 2; i++ {
		err := get(i)
		var ex *ErrX
		var ey *ErrY
		fmt.Println(err, errors.As(err, &ex), errors.As(err, &ey))
		_, isX := err.(*ErrX)
		fmt.Printf("%T %v\n", err, isX)
		switch errors.Unwrap(err).(type) {
		case *ErrX:
			fmt.Println("X")
		case *ErrY:
			fmt.Println("Y")
		case nil:
			fmt.Println("none")
		}
	}
	err := mayFail(false)
	fmt.Println(err == nil, err != nil)
	fmt.Printf("%T %v\n", err, err)
	var x any = &ErrY{}
	_, isX := x.(*ErrX)
	_, isY := x.(*ErrY)
	fmt.Printf("%T %v %v\n", x, isX, isY)
	for _, r := range []Runner{&A{}, &B{}} {
		_, isA := r.(*A)
		fmt.Printf("%T %v %s\n", r, isA, r.Run())
		switch r.(type) {
		case *A:
			fmt.Println("A")
		case *B:
			fmt.Println("B")
		}
	}
}
