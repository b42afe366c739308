// Asserting a value to an interface holds when the value's type has the
// interface's methods, its own or promoted, whatever interface held it.
// The functions that assert come before the types they meet: split into
// cells, a later cell's types must be found by an earlier cell's code.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type Shape interface{ Area() float64 }

type Named interface{ Name() string }

func describe(v any) string {
	var parts []string
	if s, ok := v.(Shape); ok {
		parts = append(parts, fmt.Sprint("area ", s.Area()))
	}
	if n, ok := v.(Named); ok {
		parts = append(parts, "named "+n.Name())
	}
	if e, ok := v.(error); ok {
		parts = append(parts, "error "+e.Error())
	}
	if _, ok := v.(io.Writer); ok {
		parts = append(parts, "writer")
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case int:
		return fmt.Sprint("int ", x)
	default:
		return "other"
	}
}

func mustShape(v any) (area float64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("not a shape")
		}
	}()
	return v.(Shape).Area(), nil
}

type Square struct{ S float64 }

func (q Square) Area() float64 { return q.S * q.S }
func (q Square) Name() string  { return "square" }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Labeled struct {
	Square
	label string
}

type failure struct{ code int }

func (f *failure) Error() string { return fmt.Sprint("code ", f.code) }

type point struct{ x, y int }

func (p point) String() string { return fmt.Sprintf("(%d,%d)", p.x, p.y) }

func main() {
	values := []any{Square{2}, &Circle{1}, Circle{1}, Labeled{Square{3}, "l"}, &failure{4}, errors.New("plain"), point{1, 2}, &strings.Builder{}, 7, nil}
	for _, v := range values {
		fmt.Println(describe(v), "|", kind(v))
	}
	var err error = &failure{5}
	if s, ok := err.(fmt.Stringer); ok {
		fmt.Println("stringer?", s)
	} else {
		fmt.Println("a failure is not a Stringer")
	}
	var sh Shape = Labeled{Square{1}, "x"}
	n, ok := sh.(Named)
	fmt.Println(n.Name(), ok)
	fmt.Println(mustShape(Square{4}))
	fmt.Println(mustShape(point{}))
}
