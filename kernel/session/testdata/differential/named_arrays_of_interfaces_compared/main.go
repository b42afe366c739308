// Two values of a named array type holding interfaces (type ID [2]any)
// compare their elements: get() == ID{1, "a"} was false (Go's
// test/fixedbugs/issue23545.go). Against an interface, the dynamic type
// counts too.
package main

import "fmt"

type ID [2]any

type Celsius float64

type Reading [2]any

func get() ID { return ID{1, "a"} }

func main() {
	a := [2]any{1, "a"}
	fmt.Println(get() == ID(a), get() != ID{1, "b"}, get() == get())
	var c ID = get()
	fmt.Println(c == get(), [2]any(c) == a)
	r1 := Reading{Celsius(21.5), "kitchen"}
	r2 := Reading{Celsius(21.5), "kitchen"}
	r3 := Reading{21.5, "kitchen"}
	fmt.Println(r1 == r2, r1 == r3, r1 != r3)
	var x any = get()
	fmt.Println(x == get(), x == ID(a), x == a, x == Reading(a))
	switch get() {
	case ID{1, "b"}:
		fmt.Println("b")
	case ID{1, "a"}:
		fmt.Println("switch: a")
	}
	switch x {
	case ID{1, "a"}:
		fmt.Println("switch any: ID a")
	}
	seen := map[ID]bool{get(): true}
	fmt.Println(seen[ID{1, "a"}], seen[ID{2, "a"}])
}
