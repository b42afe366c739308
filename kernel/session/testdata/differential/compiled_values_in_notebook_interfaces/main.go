// Values of compiled types (time.Duration, *bytes.Buffer, *fs.PathError,
// context.DeadlineExceeded) asserted to interfaces the notebook declares
// or writes as literals, in assertions, type switches and errors.As; the
// value asserted keeps its type and its methods.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Stringer is the notebook's own: time.Duration and *bytes.Buffer have it.
type Stringer interface{ String() string }

type timeout interface{ Timeout() bool }

// lenWriter embeds a compiled interface.
type lenWriter interface {
	Len() int
	io.Writer
}

type shape interface{ Area() float64 }

// weird has time.Duration's method names, one with another signature.
type weird interface {
	Hours() float64
	String() int
}

func asWeird(x any) (err any) {
	defer func() { err = recover() }()
	_ = x.(weird)
	return nil
}

type square struct{ side float64 }

func (s square) Area() float64 { return s.side * s.side }

func describe(x any) string {
	switch v := x.(type) {
	case shape:
		return fmt.Sprintf("shape %.1f", v.Area())
	case Stringer:
		return fmt.Sprintf("stringer %T %s", v, v.String())
	case interface{ Timeout() bool }:
		return fmt.Sprintf("timeout %v", v.Timeout())
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	var x any = 90 * time.Second
	s, ok := x.(Stringer)
	fmt.Println(ok, s, s.String())
	fmt.Printf("%T %v\n", s, s)
	d, ok := s.(time.Duration)
	fmt.Println(d.Minutes(), ok)
	var back any = s
	fmt.Println(back == any(90*time.Second))

	var buf bytes.Buffer
	buf.WriteString("hello")
	var w any = &buf
	if l, ok := w.(lenWriter); ok {
		fmt.Fprintf(l, ", world")
		fmt.Println(l.Len(), buf.String())
	}
	_, ok = w.(interface{ Len() string })
	fmt.Println("Len() string:", ok)

	for _, v := range []any{square{2}, time.Minute, &buf, context.DeadlineExceeded, 42, strings.NewReader("x")} {
		fmt.Println(describe(v))
	}

	_, err := os.Open("/nonexistent/file")
	te, ok := err.(timeout)
	fmt.Println(ok, te != nil && te.Timeout())
	if t, ok := context.DeadlineExceeded.(interface{ Timeout() bool }); ok {
		fmt.Println("deadline is a timeout:", t.Timeout())
	}
	var to timeout
	fmt.Println(errors.As(fmt.Errorf("wrapped: %w", context.DeadlineExceeded), &to), to != nil && to.Timeout())

	var vs []Stringer
	for _, v := range []any{time.Second, 3, &buf, square{1}} {
		if s, ok := v.(Stringer); ok {
			vs = append(vs, s)
		}
	}
	fmt.Println(len(vs), vs[0], vs[1])
	var sec Stringer = time.Second
	fmt.Println(vs[0] == sec, vs[0] != Stringer(time.Minute), vs[1] == sec)

	_, ok = x.(weird)
	fmt.Println(ok, asWeird(x))

	defer func() { fmt.Println("recovered:", recover()) }()
	_ = x.(shape)
}
