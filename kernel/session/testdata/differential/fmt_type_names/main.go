package main

import "fmt"

type t struct {
	A int
	B string
}
type point struct{ X, Y int }

func main() {
	v := t{1, "x"}
	fmt.Printf("%T|%v|%+v|%#v\n", v, v, v, v)
	p := &point{1, 2}
	fmt.Printf("%T %T %#v %#v\n", p, []point{}, point{3, 4}, p)
	var e error = fmt.Errorf("x")
	fmt.Printf("%T %T %10T| %-12T|\n", e, 3, v, v)
	var np *point
	fmt.Printf("%#v %d%% %s\n", np, 5, fmt.Sprintf("%T", map[string]point{}))
}
