// A struct of the notebook's in an any prints as Go prints it: its
// unexported fields by their names, and %#v names its type.
package main

import "fmt"

type Q struct{ A int }

type Person struct {
	Name string
	age  int
}

type Employee Person

type Team struct {
	Lead    Person
	members []Person
}

func debug(v any) { fmt.Printf("%v %+v %#v\n", v, v, v) }

func main() {
	var a any = Q{1}
	fmt.Printf("%#v\n", a)
	var b any = Employee{"x", 1}
	fmt.Printf("%#v %+v\n", b, b)
	var c any = Person{"x", 1}
	fmt.Printf("%v %+v %#v\n", c, c, c)
	fmt.Println(c)
	debug(Person{"y", 2})
	debug(&Person{"p", 3})
	debug(Team{Person{"l", 4}, []Person{{"m", 5}}})
	debug([]any{Person{"z", 3}, Q{2}})
	debug(map[string]any{"k": Employee{"e", 6}})
	fmt.Println([]any{Person{"z", 3}})
	fmt.Printf("%+v\n", []Person{{"s", 7}})
}
