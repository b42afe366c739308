// fmt calls a value's Format method for every verb, and its GoString
// method for %#v, wherever the value is: an element, a field, a map's
// value, an interface. The interpreter's values inside another value
// have none of their methods for fmt: a Vec with a Format method printed
// as {1 2} inside a slice, a Secret with a GoString method printed its
// secret for %#v, and %#v of an unnamed struct named a field of a named
// type that is not a struct by its underlying type (struct { C int } for
// Go's struct { C main.Code }).
package main

import (
	"errors"
	"fmt"
)

type Vec struct{ X, Y float64 }

func (v Vec) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v':
		if f.Flag('+') {
			fmt.Fprintf(f, "Vec(x=%g, y=%g)", v.X, v.Y)
			return
		}
		fmt.Fprintf(f, "<%g,%g>", v.X, v.Y)
	case 's':
		fmt.Fprint(f, "vec")
	default:
		fmt.Fprintf(f, "%%!%c(Vec)", verb)
	}
}

type Secret string

func (s Secret) GoString() string { return `Secret("***")` }
func (s Secret) String() string   { return "***" }

type Level int

func (l Level) Format(f fmt.State, c rune) {
	w, ok := f.Width()
	fmt.Fprintf(f, "L%d(w=%d,%v,%c)", int(l), w, ok, c)
}

type Node struct {
	Name string
	Next *Node
}

func (n *Node) GoString() string {
	if n == nil {
		return "nil-node"
	}
	return "node:" + n.Name
}

// An error with a stack-trace-like %+v, as github.com/pkg/errors has.
type traced struct {
	msg   string
	where string
}

func (e *traced) Error() string { return e.msg }

func (e *traced) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('+') {
		fmt.Fprintf(f, "%s\n\tat %s", e.msg, e.where)
		return
	}
	fmt.Fprint(f, e.msg)
}

type Code int

type Temps []float64

type P struct{ X int }

func main() {
	v := Vec{1, 2}
	fmt.Println(v)
	fmt.Printf("%v %+v %s %d\n", v, v, v, v)
	fmt.Printf("%v %+v\n", []Vec{v, {3, 4}}, []Vec{v})
	fmt.Printf("%v\n", map[string]Vec{"a": v})
	fmt.Printf("%v %+v\n", struct{ V Vec }{v}, struct{ V *Vec }{&v})
	var a any = v
	fmt.Println(a, []any{v, 1})

	s := Secret("pw")
	fmt.Printf("%v %s %#v %q\n", s, s, s, s)
	fmt.Printf("%#v %v\n", []Secret{s}, []Secret{s})
	fmt.Printf("%#v\n", struct{ S Secret }{s})
	fmt.Printf("%#v\n", map[string]Secret{"k": s})

	lv := []Level{1, 2}
	fmt.Printf("%v|%5d|%x\n", lv, lv, Level(3))
	fmt.Println(lv, Level(4))

	n := &Node{"a", &Node{"b", nil}}
	fmt.Printf("%#v\n", []*Node{n, nil})
	fmt.Printf("%v\n", *n.Next)

	err := fmt.Errorf("loading: %w", &traced{"disk full", "main.go:12"})
	fmt.Printf("%v\n", err)
	var tr *traced
	fmt.Println(errors.As(err, &tr))
	fmt.Printf("%+v\n", tr)
	fmt.Printf("%+v\n", []error{tr})
	var e error = tr
	fmt.Printf("%+v|%v|%s\n", e, e, e)
	fmt.Printf("%+v\n", struct{ Err error }{e})

	fmt.Printf("%#v\n", struct{ C Code }{1})
	fmt.Printf("%#v\n", struct {
		T Temps
		P P
		Q *P
	}{Temps{1}, P{2}, nil})
	fmt.Printf("%#v\n", []struct{ C Code }{{3}})
	fmt.Printf("%#v\n", map[Code]struct{ N Code }{1: {2}})
}
