package main

import (
	"errors"
	"fmt"
	"io"
)

// errors.Is and errors.As walk down through a wrapper type of the
// notebook's, into fmt's wrapping, to a value of a named type that is not
// a struct: each wrapped error is visited once, and the walk ends.

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

type Wrap struct {
	msg string
	err error
}

func (w *Wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w *Wrap) Unwrap() error { return w.err }

func main() {
	errs := []error{
		&Wrap{"save", fmt.Errorf("write: %w", Code(500))},
		fmt.Errorf("req: %w", &Wrap{"save", fmt.Errorf("write: %w", Code(507))}),
		&Wrap{"load", errors.Join(io.EOF, fmt.Errorf("read: %w", Code(404)))},
	}
	for i, err := range errs {
		var c Code
		fmt.Println(i, err)
		fmt.Println(i, errors.Is(err, io.EOF), errors.Is(err, Code(500)), errors.As(err, &c), c)
		var w *Wrap
		fmt.Println(i, errors.As(err, &w), w.msg)
	}
}
