// Dereferencing a nil pointer panics even when the value goes to the
// blank identifier (`_ = *p` is how a program checks that it panics), and
// a function returning it beside another result returns neither.
package main

import "fmt"

type T struct{ v int }

func panics(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name, r)
	}()
	f()
}

func pair(p *int) (bool, int) {
	defer func() { recover() }()
	return true, *p
}

func named(p *int) (ok bool, n int) {
	defer func() { recover() }()
	ok = false
	ok, n = true, *p
	return
}

func swapped(p *int) (a, b, c int) {
	defer func() { recover() }()
	a, b, c = 1, 2, 3
	return b, *p, a
}

func main() {
	var p *int
	var t *T
	panics("assign", func() { _ = *p })
	panics("paren", func() { _ = (*p) })
	panics("struct", func() { _ = *t })
	panics("define", func() { x, _ := 1, *p; fmt.Println(x) })
	panics("var", func() { var _ = *p })
	panics("typed var", func() { var _ T = *t })
	panics("two blanks", func() { _, _ = 1, *p })
	panics("field", func() { _ = t.v })
	q := new(int)
	*q = 4
	panics("not nil", func() { _ = *q; x, _ := *q, *q; var _ = *q; fmt.Println(x) })
	fmt.Println(pair(nil))
	fmt.Println(named(nil))
	fmt.Println(swapped(nil))
	fmt.Println(pair(q))
	fmt.Println(swapped(q))
}
