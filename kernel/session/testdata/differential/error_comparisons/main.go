// Comparing errors with ==: sentinels of the notebook's types, struct
// values, pointers, and compiled sentinels such as io.EOF.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type Kind struct{ Name string }

func (k Kind) Error() string { return "kind " + k.Name }

type Op struct{ N int }

func (o *Op) Error() string { return fmt.Sprint("op ", o.N) }

var (
	ErrEmpty error = Kind{"empty"}
	ErrFull  error = Kind{"full"}
	opOne          = &Op{1}
	ErrOp    error = opOne
)

func check(n int) error {
	switch {
	case n == 0:
		return ErrEmpty
	case n > 10:
		return Kind{"full"}
	case n < 0:
		return opOne
	}
	return nil
}

type bag struct{ items []int }

func (b bag) Error() string { return "bag" }

func main() {
	for _, n := range []int{0, 5, 11, -1} {
		err := check(n)
		fmt.Println(n, err == nil, err == ErrEmpty, err == ErrFull, err != ErrFull, err == Kind{"full"}, err == ErrOp, err == error(&Op{1}))
	}

	r := strings.NewReader("ab")
	buf := make([]byte, 1)
	for {
		_, err := r.Read(buf)
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		fmt.Println(string(buf), err == nil)
	}

	var a, b error = Kind{"x"}, Kind{"x"}
	fmt.Println(a == b, a == errors.New("kind x"))

	// Comparing errors whose values cannot be compared panics, as in Go.
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		var x, y error = bag{}, bag{}
		fmt.Println(x == y)
	}()
}
