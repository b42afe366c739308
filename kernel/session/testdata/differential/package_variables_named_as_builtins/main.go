// Package-level variables, constants and functions may take the names of
// builtins (len, new, cap, make, append, copy, print): Go's scopes let
// them. The code goconc writes around the program (index checks, zero values, stack buffers)
// calls the builtins, which the interpreter then found hidden: "too many
// arguments", "cannot call new". Go's test/rename.go declares them all.
package main

import "fmt"

var (
	new    = "new value"
	cap    = 4
	copy   = []string{"c"}
	append = func(s string) string { return s + "!" }
)

const len = 3

type item struct{ name string }

// print is the program's own: the builtin's calls goconc writes are not.
func print(args ...any) {
	fmt.Print("print: ")
	fmt.Println(args...)
}

var zero item
var shapes []fmt.Stringer

func fill(t []int, n int) {
	for i := 0; i < n; i++ {
		t[i] = i * len
	}
}

func lookup(m map[string]item, k string) (item, bool) {
	v, ok := m[k]
	return v, ok
}

func main() {
	t := make([]int, cap)
	fill(t, cap)
	t[len-1] = -len
	idx := len + 1
	fmt.Printf("%v %T %d\n", t[idx-2:], new, cap)
	fmt.Println(t, new, copy, append("hi"), len, zero, shapes == nil)
	v, ok := lookup(map[string]item{"a": {"x"}}, "b")
	fmt.Printf("%+v %v\n", v, ok)
	print(new, cap)
	var s fmt.Stringer
	if _, ok := s.(interface{ Error() string }); !ok {
		fmt.Println("not an error")
	}
	defer func() { fmt.Println("recovered:", recover()) }()
	fill(t, cap+1)
}
