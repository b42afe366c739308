// fmt.Errorf(format, args...) wraps an error of the notebook's types among
// the spread operands with %w, as it wraps one written out: a helper that
// hands its operands on (func wrapf(format string, args ...any) error)
// printed %!w(fieldnames.formatter={...}) and errors.As found nothing.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type TooBig struct{ N int }

func (e *TooBig) Error() string { return fmt.Sprint("too big: ", e.N) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

var ErrBase = errors.New("base")

func wrapf(format string, args ...any) error { return fmt.Errorf("op: "+format, args...) }

func main() {
	err := wrapf("lookup %q: %w", "k", NotFound{"k"})
	fmt.Println(err)
	var nf NotFound
	fmt.Println(errors.As(err, &nf), nf.Key)

	err = wrapf("size %d: %w", 7, &TooBig{7})
	var tb *TooBig
	fmt.Println(err, errors.As(err, &tb), tb.N)

	err = wrapf("status %d: %w", 404, Code(404))
	var c Code
	fmt.Println(err, errors.As(err, &c), c, errors.Is(err, Code(404)))

	err = wrapf("%w and %w", ErrBase, NotFound{"x"})
	fmt.Println(err, errors.Is(err, ErrBase), errors.As(err, &nf), nf.Key)
	fmt.Println(wrapf("%v %d", NotFound{"v"}, 3))
}
