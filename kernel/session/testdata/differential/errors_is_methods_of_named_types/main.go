package main

import (
	"errors"
	"fmt"
)

// errors.Is and errors.As call the Is and As methods of error types that
// are not structs, anywhere in the tree of wrapped errors.

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

// Is matches a code of the same class: 404 is a 4xx.
func (c Code) Is(target error) bool {
	t, ok := target.(Code)
	return ok && t/100 == c/100
}

type Reason string

func (r Reason) Error() string { return string(r) }

// As gives a Reason as a Code: 499.
func (r Reason) As(target any) bool {
	if p, ok := target.(*Code); ok {
		*p = 499
		return true
	}
	return false
}

func main() {
	errs := []error{
		Code(404),
		fmt.Errorf("get /x: %w", Code(404)),
		fmt.Errorf("two %w and %w", errors.New("x"), Code(503)),
		errors.Join(Reason("disk full"), Code(418)),
		Reason("timeout"),
	}
	for i, err := range errs {
		var c Code
		as := errors.As(err, &c)
		fmt.Println(i, errors.Is(err, Code(400)), errors.Is(err, Code(500)), as, int(c))
	}
}
