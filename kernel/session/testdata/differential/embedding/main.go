package main

import "fmt"

type animal struct{ name string }

func (a animal) hello() string { return "I am " + a.name }

type dog struct {
	animal
	breed string
}

func (d dog) bark() string { return d.name + " barks" }

func main() {
	d := dog{animal{"rex"}, "lab"}
	fmt.Println(d.hello(), "|", d.bark(), "|", d.animal.name)
}
