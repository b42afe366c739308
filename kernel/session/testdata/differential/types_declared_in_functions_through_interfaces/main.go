// Types declared inside a function, the way short programs declare them,
// handed on in an interface: fmt's %v, %+v, %#v and %T, and reflect,
// name them as Go does (main.person), with their fields' declared names.
package main

import (
	"fmt"
	"reflect"
)

func show(x any) {
	fmt.Printf("%v | %+v | %#v | %T | %v\n", x, x, x, x, reflect.TypeOf(x))
}

func main() {
	type person struct {
		Name string
		age  int
	}
	type point struct{ X, Y int }
	type node struct {
		Value int
		Next  *node
	}
	p := person{"ann", 3}
	show(p)
	show(&p)
	show([]point{{1, 2}})
	show(node{42, nil})
	show(map[string]person{"k": {"bo", 5}})

	var x any = p
	if q, ok := x.(person); ok {
		fmt.Println("a person of", q.age)
	}
	for i := 0; i < 2; i++ {
		type counter struct{ n int }
		c := counter{i}
		show(c)
	}
}
