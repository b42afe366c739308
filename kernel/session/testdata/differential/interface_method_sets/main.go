package main

import "fmt"

type speaker interface{ speak() string }

type cat struct{}

func (c *cat) speak() string { return "meow" }

type cow struct{}

func (c cow) speak() string { return "moo" }

func main() {
	ss := []speaker{&cat{}, cow{}, &cow{}}
	for _, s := range ss {
		fmt.Print(s.speak(), " ")
	}
	fmt.Println()
}
