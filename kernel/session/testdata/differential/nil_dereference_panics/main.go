// Dereferencing a nil pointer panics wherever the value goes: into a map
// element, into arithmetic, into a variable.
package main

import "fmt"

type item struct{ n int }

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
	fmt.Println(counts, len(items))
}
