// A struct literal assigned to an element or a field of an interface type
// (animals[0] = Dog{"z"}): the interface holds the new value, in a slice,
// an array, a map, a struct field, through a pointer.
package main

import "fmt"

type Speaker interface{ Speak() string }

type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Speak() string  { return d.name + ": woof" }
func (c *Cat) Speak() string { return c.name + ": meow" }

type box struct{ s Speaker }

func main() {
	animals := []Speaker{Dog{"a"}, &Cat{"b"}, Dog{"c"}}
	var fs []func() string
	for _, a := range animals {
		fs = append(fs, a.Speak)
	}
	animals[0] = Dog{"z"}
	animals[1] = Dog{"y"}
	for _, f := range fs {
		fmt.Print(f(), "; ")
	}
	fmt.Println()
	fmt.Println(animals[0].Speak(), animals[1].Speak())

	m := map[string]Speaker{}
	m["x"] = Dog{"m"}
	fmt.Println(m["x"].Speak())
	var arr [2]Speaker
	arr[1] = Dog{"arr"}
	fmt.Println(arr[1].Speak())
	var b box
	b.s = Dog{"field"}
	bp := &b
	bp.s = Dog{"pointer"}
	fmt.Println(b.s.Speak())
	var s Speaker = &Cat{"q"}
	s = Dog{"r"}
	fmt.Println(s.Speak())
}
