package main

import (
	"fmt"
	"unique"
)

type point struct{ x, y int }

func main() {
	a := unique.Make("gopher")
	b := unique.Make("go" + "pher")
	c := unique.Make("other")
	fmt.Println(a == b, a == c, a.Value(), c.Value())
	p := unique.Make(point{1, 2})
	q := unique.Make(point{1, 2})
	fmt.Println(p == q, p.Value().y)
}
