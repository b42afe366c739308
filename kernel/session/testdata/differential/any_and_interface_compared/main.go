// Comparisons of two values of one type that the program spells once with
// any and once with interface{} (&x == &y of an any and an interface{},
// two structs written in place): any is an alias and the types are
// identical; the interpreter took any for a type of its own and refused
// ("mismatched types *any and *interface{}", Go's
// test/fixedbugs/issue49665.go). The right operand is converted.
package main

import "fmt"

var x any
var y interface{}

var same = &x == &y

type pair struct{ a, b any }

func main() {
	fmt.Println(same, &x != &y)
	p := &x
	fmt.Println(p == &x, p == &y || p == nil)
	s1 := struct{ a any }{1}
	s2 := struct{ a interface{} }{1}
	fmt.Println(s1 == s2, s1 != struct{ a interface{} }{2})
	var a [2]any
	b := [2]interface{}{nil, "x"}
	fmt.Println(a == b, [2]interface{}{} == a)
	c := make(chan any)
	var d chan interface{} = c
	fmt.Println(c == d)
	switch p {
	case &y:
		fmt.Println("y")
	case &x:
		fmt.Println("x")
	}
	fmt.Printf("%T %T %v\n", &x, &y, pair{1, "b"})
}
