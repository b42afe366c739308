// errors.As and errors.Is look into an error of one of the notebook's named
// types that are not structs with an Unwrap method (type MultiError
// []error, Unwrap() []error): a validation helper's errors were never
// found, as the search asserted the interpreter's way, which takes such a
// type for its underlying type.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
)

type ValidationError struct {
	Field string
	Msg   string
}

func (v ValidationError) Error() string { return v.Field + ": " + v.Msg }

type MultiError []error

func (m MultiError) Error() string {
	var parts []string
	for _, e := range m {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

func (m MultiError) Unwrap() []error { return m }

type Temporary interface{ Temporary() bool }

type NetErr struct{ temp bool }

func (n *NetErr) Error() string   { return fmt.Sprintf("net (temp=%v)", n.temp) }
func (n *NetErr) Temporary() bool { return n.temp }

func validate(name string, age int) error {
	var errs MultiError
	if name == "" {
		errs = append(errs, ValidationError{"name", "empty"})
	}
	if age < 0 {
		errs = append(errs, ValidationError{"age", "negative"})
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

func main() {
	err := validate("", -1)
	fmt.Println(err)
	var ve ValidationError
	fmt.Println(errors.As(err, &ve), ve.Field)
	j := errors.Join(ValidationError{"x", "bad"}, &NetErr{true})
	fmt.Printf("%v|%q\n", j, j.Error())
	var te Temporary
	fmt.Println(errors.As(j, &te), te != nil && te.Temporary())
	l := log.New(os.Stdout, "app: ", 0)
	l.Printf("failed: %v", err)
	args := []any{"db", &NetErr{false}}
	l.Printf("%s: %v", args...)
	werr := fmt.Errorf("wrap: %w", err)
	fmt.Println(errors.Is(werr, err), errors.Unwrap(werr) != nil)
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Println("recovered error:", e, errors.As(e, &ve))
		}
	}()
	panic(ValidationError{"p", "panic"})
}
