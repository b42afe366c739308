package main

import "fmt"

type base struct{}

func (base) name() string    { return "base" }
func (b base) hello() string { return "hello from " + b.name() }

type derived struct{ base }

func (derived) name() string { return "derived" }

func main() {
	d := derived{}
	fmt.Println(d.name(), d.hello())
}
