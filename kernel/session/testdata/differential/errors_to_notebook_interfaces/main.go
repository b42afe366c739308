// An error holding a notebook value asserts to a notebook interface the
// value implements (err.(Temporary)): declared as an error, wrapped by
// fmt.Errorf and unwrapped, in a type switch, with errors.As.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Temporary interface{ Temporary() bool }

type netErr struct{ msg string }

func (e netErr) Error() string   { return e.msg }
func (e netErr) Temporary() bool { return true }

type httpErr struct{ code int }

func (e *httpErr) Error() string   { return fmt.Sprint("http ", e.code) }
func (e *httpErr) Temporary() bool { return e.code >= 500 }

type codeErr int

func (c codeErr) Error() string   { return fmt.Sprint("code ", int(c)) }
func (c codeErr) Temporary() bool { return c > 500 }

type label struct{ text string }

func (l label) String() string { return "<" + l.text + ">" }

func retry(err error) string {
	if t, ok := err.(Temporary); ok && t.Temporary() {
		return "retry: " + err.Error()
	}
	return "give up: " + err.Error()
}

func main() {
	for _, err := range []error{netErr{"timeout"}, &httpErr{503}, &httpErr{404}, codeErr(501), errors.New("plain")} {
		fmt.Println(retry(err))
	}
	u := errors.Unwrap(fmt.Errorf("dial: %w", netErr{"reset"}))
	t, ok := u.(Temporary)
	fmt.Println(ok, t != nil && t.Temporary())
	switch x := errors.Unwrap(fmt.Errorf("get: %w", &httpErr{502})).(type) {
	case Temporary:
		fmt.Println("temporary", x.Temporary())
	default:
		fmt.Println("other")
	}
	var tmp Temporary
	fmt.Println(errors.As(fmt.Errorf("w: %w", netErr{"n"}), &tmp), tmp)
	var e error = netErr{"direct"}
	fmt.Println(e.(Temporary).Temporary())
	// Out of an any, into an error: the error holds the netErr.
	var m sync.Map
	m.Store("e", netErr{"stored"})
	v, _ := m.Load("e")
	asErr := v.(error)
	_, temp := asErr.(Temporary)
	fmt.Printf("%T %v %v\n", asErr, asErr, temp)
	var s fmt.Stringer
	var a any = label{"x"}
	s, ok = a.(fmt.Stringer)
	fmt.Printf("%T %v %v\n", s, s, ok)
}
