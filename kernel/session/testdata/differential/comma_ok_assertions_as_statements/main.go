// Comma-ok assertions to the notebook's struct types, as statements of
// their own and as if statements' inits (in else-if chains, labelled): of
// nil, of a value of another type, of a value that went through error.
package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Circle struct{ R float64 }
type Sq struct{ S float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (s Sq) Area() float64     { return s.S * s.S }

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func describe(v any) string {
	if nf, ok := v.(NotFound); ok {
		return "notfound " + nf.Key
	} else if c, ok := v.(Circle); ok {
		return fmt.Sprint("circle ", c.R)
	} else if s, ok := v.(Sq); !ok {
		return fmt.Sprint("other ", s.S, ok)
	} else {
		return fmt.Sprint("sq ", s.S)
	}
}

func find(k string) error { return NotFound{k} }

func main() {
	shapes := []Shape{Circle{1}, Sq{2}, nil}
	for i, s := range shapes {
		c, ok := s.(Circle)
		fmt.Println(i, c, ok)
		q, ok := s.(Sq)
		fmt.Println(i, q, ok)
	}
	err := find("k")
	var x any = err
	nf, ok := x.(NotFound)
	fmt.Println(nf, ok, describe(x), describe(Circle{2}), describe(Sq{3}), describe(5))
	c := Circle{9}
	for _, s := range shapes {
	L:
		if c, ok := s.(Circle); ok {
			fmt.Println("labeled", c)
		} else {
			fmt.Println("not circle", c)
			if c.R == 0 {
				c.R = 1
				goto L2
			}
			goto L
		}
	L2:
	}
	fmt.Println(c)
	var e2 error = fmt.Errorf("wrap: %w", NotFound{"w"})
	var target NotFound
	fmt.Println(errors.As(e2, &target), target)
	if w, ok := any(errors.Unwrap(e2)).(NotFound); ok {
		fmt.Println("unwrapped", w.Key)
	}
	sh, ok2 := shapes[1].(Sq)
	sh.S++
	fmt.Println(sh, ok2, shapes[1])
}
