package session

import (
	"strings"
	"testing"
)

// TestMutuallyRecursiveTypesAcrossCells: a group of types that lead to
// each other, declared in one cell, works in later cells, after a
// redefinition that rebuilds the interpreter, and after a crash that
// replays the notebook.
func TestMutuallyRecursiveTypesAcrossCells(t *testing.T) {
	s := newTestSession(t)
	s.ok(`type Element struct {
	next *Element
	list *List
	V    int
}

type List struct {
	root Element
	len  int
}`)
	s.ok(`func (l *List) Push(v int) {
	e := &Element{V: v, list: l, next: l.root.next}
	l.root.next = e
	l.len++
}`)
	s.ok("var l List\nl.Push(1)\nl.Push(2)")
	check := func(when string) {
		t.Helper()
		c := s.ok("fmt.Println(l.len, l.root.next.V, l.root.next.next.V, l.root.next.list == &l)")
		if got := c.stream("stdout"); got != "2 2 1 true\n" {
			t.Errorf("%s: printed %q, want 2 2 1 true", when, got)
		}
	}
	check("in a later cell")

	// A new type joining the notebook rebuilds nothing; redefining List
	// (a field more) starts a fresh interpreter and replays the cells.
	s.ok(`type List struct {
	root Element
	len  int
	name string
}`)
	check("after List was redefined")

	// The evaluator dies; the session restores the notebook.
	r, _ := s.exec(`import "os"
os.Exit(3)`)
	if r.Status != "error" {
		t.Fatalf("os.Exit: %+v", r)
	}
	check("after the evaluator was restarted")
	if c := s.ok(`fmt.Printf("%+v\n", l.root.next.next.next == nil)`); !strings.Contains(c.stream("stdout"), "true") {
		t.Errorf("printed %q", c.stream("stdout"))
	}
}
