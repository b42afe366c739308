// A failed assertion to a basic type names the type of the value the
// interface holds as Go does: a named type that is not a struct, a
// struct of the notebook's, a pointer to one, a compiled type, nil.
package main

import (
	"fmt"
	"time"
)

type Named int
type Label string

func (l Label) String() string { return "L:" + string(l) }

type P struct{ X int }

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	vals := []any{Named(3), Label("a"), P{1}, &P{2}, time.Second, nil, 2.5, "s", []int{1}}
	for _, v := range vals {
		try(func() { _ = v.(string) })
		try(func() { _ = v.(bool) })
	}
	var a any = "ok"
	fmt.Println(a.(string), len(a.(string)))
	sum := 0
	xs := []any{1, 2, 3}
	for _, x := range xs {
		sum += x.(int)
	}
	fmt.Println(sum)
}
