// fmt calls a String method with a pointer receiver on a nil pointer too:
// a tree prints its nil children by it. A nil *T in a fmt.Stringer is not
// a nil Stringer.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
)

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	return fmt.Sprintf("(%v %d %v)", t.Left, t.Val, t.Right)
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

type List struct {
	next *List
	v    int
}

func (l *List) String() string {
	var b strings.Builder
	for ; l != nil; l = l.next {
		fmt.Fprintf(&b, "%d->", l.v)
	}
	b.WriteString("nil")
	return b.String()
}

type Shape interface{ Area() float64 }

type Circle struct{ r float64 }

func (c *Circle) Area() float64 {
	if c == nil {
		return -1
	}
	return 3 * c.r * c.r
}

func (c *Circle) String() string { return fmt.Sprint("circle ", c.Area()) }

func asStringer(c *Circle) fmt.Stringer { return c }

func show(v any) { fmt.Println(v) }

type pair struct {
	A, B *Tree
}

func main() {
	var t *Tree
	fmt.Println(t)
	for _, v := range []int{5, 3, 8, 4} {
		t = t.Insert(v)
	}
	fmt.Println(t)
	fmt.Printf("%v|%s|%q\n", t.Left, t.Right, t.Left.Left)
	var l *List
	fmt.Println(l)
	fmt.Printf("%v|%s|%d\n", l, l, 3)
	l = &List{&List{nil, 2}, 1}
	fmt.Println(l)
	trees := []*Tree{nil, {Val: 5}}
	fmt.Println(trees)
	fmt.Println(map[string]*Tree{"a": nil})
	show((*Tree)(nil))
	fmt.Println(fmt.Sprint((*Tree)(nil)), fmt.Sprintf("%v", (*List)(nil)))
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Println((*Tree)(nil))
	fmt.Printf("%+v\n", pair{nil, &Tree{}})

	s := asStringer(nil)
	fmt.Println(s == nil, s)
	fmt.Printf("%T %v %s\n", s, s, s)
	c, ok := s.(*Circle)
	fmt.Println(c == nil, ok, c.Area())
	var sh Shape = (*Circle)(nil)
	fmt.Println(sh == nil, sh.Area(), sh)
	a, b := asStringer(nil), asStringer(nil)
	fmt.Println(a == b, a == asStringer(&Circle{1}))
}
