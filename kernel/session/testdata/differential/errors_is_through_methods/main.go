// errors.Is and errors.Unwrap through the notebook's own Unwrap and Is
// methods: the error-wrapping chapter of every Go course.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type MultiError struct{ errs []error }

func (m MultiError) Error() string   { return fmt.Sprint(len(m.errs), " errors") }
func (m MultiError) Unwrap() []error { return m.errs }

// Status codes that match a sentinel by their Is method.
type StatusError struct{ Code int }

func (s StatusError) Error() string { return fmt.Sprint("status ", s.Code) }
func (s StatusError) Is(target error) bool {
	return s.Code == 404 && target == ErrNotFound
}

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

func find(q string) error {
	if q == "" {
		return nil
	}
	return &QueryError{Query: q, Err: ErrNotFound}
}

func main() {
	err := find("users")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	fmt.Println(errors.Is(find(""), ErrNotFound), errors.Is(nil, nil), errors.Is(err, nil))

	wrapped := fmt.Errorf("handler: %w", err)
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.Unwrap(errors.Unwrap(wrapped)) == ErrNotFound)

	fmt.Println(errors.Is(StatusError{404}, ErrNotFound), errors.Is(StatusError{500}, ErrNotFound))
	fmt.Println(errors.Is(fmt.Errorf("get: %w", StatusError{404}), ErrNotFound))

	multi := MultiError{[]error{errors.New("disk full"), &QueryError{"orders", fs.ErrNotExist}}}
	fmt.Println(errors.Is(multi, fs.ErrNotExist), errors.Is(multi, ErrNotFound), errors.Unwrap(multi) == nil)

	// Struct and named targets compare by value.
	fmt.Println(errors.Is(fmt.Errorf("x: %w", StatusError{500}), StatusError{500}))
	fmt.Println(errors.Is(Code(3), Code(3)), errors.Is(Code(3), Code(4)))

	// Compiled errors keep working alongside.
	_, statErr := os.Stat("/no/such/file")
	fmt.Println(errors.Is(&QueryError{"stat", statErr}, fs.ErrNotExist))
}
