// Dereferencing a nil pointer panics wherever the value goes: into a map
// element, into arithmetic, into a variable; and so does reading a field
// promoted from a nil embedded pointer (the interpreter's panic said
// "reflect: indirection through nil pointer to embedded struct", a string,
// not Go's runtime error).
package main

import "fmt"

type item struct{ n int }

type wrapped struct {
	*item
	name string
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		fmt.Println(name, isErr, err)
	}()
	f()
}

func main() {
	var p *int
	var it *item
	counts := map[string]int{"kept": 1}
	items := map[string]item{}
	try("map element", func() { counts["x"] = *p })
	try("map of structs", func() { items["y"] = *it })
	try("arithmetic", func() { counts["z"] = *p + 1 })
	try("variable", func() { v := *p; fmt.Println(v) })
	try("field", func() { fmt.Println(it.n) })
	var w wrapped
	try("promoted field", func() { fmt.Println(w.n) })
	fmt.Println(counts, len(items))
}
