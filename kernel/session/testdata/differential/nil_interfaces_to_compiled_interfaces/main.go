// A nil value of a compiled interface (an error, an io.Reader) asserted to
// another compiled interface: the comma-ok assertion is false, the other
// panics with Go's runtime error. The interpreter panicked in both with
// its own "reflect: call of reflect.Value.Type on zero Value", a string
// that recover() handed back as no runtime.Error: the usual check for an
// optional interface (st, ok := err.(fmt.Stringer)) crashed the cell when
// err was nil.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type temporary interface{ Temporary() bool }

func describe(err error) string {
	if t, ok := err.(temporary); ok && t.Temporary() {
		return "temporary"
	}
	if st, ok := err.(fmt.Stringer); ok {
		return "stringer " + st.String()
	}
	return fmt.Sprint("plain ", err)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(interface{ RuntimeError() })
		fmt.Println(name, r, isRuntime)
	}()
	f()
}

func main() {
	fmt.Println(describe(nil))
	fmt.Println(describe(errors.New("x")))

	var r io.Reader
	w, ok := r.(io.Writer)
	fmt.Println(w, ok)
	r = strings.NewReader("abc")
	_, ok = r.(io.Writer)
	_, isSeeker := r.(io.Seeker)
	fmt.Println(ok, isSeeker)

	var err error
	try("error to Stringer", func() { _ = err.(fmt.Stringer) })
	r = nil
	try("reader to writer", func() { _ = r.(io.Writer) })
	try("reader to closer", func() { _ = r.(io.ReadCloser) })
}
