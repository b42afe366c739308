// A failed assertion to a struct of the notebook's, or to a type built of
// one (a pointer, a slice, a map, a func), names it as Go does: main.Cat,
// not the interpreter's struct { Xname string "..." }.
package main

import "fmt"

type Cat struct{ name string }

type Inner struct{ n int }

type Outer struct {
	in  Inner
	ptr *Inner
}

type Name string

func try(f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println(isErr, r)
	}()
	f()
}

func main() {
	var a any = 1
	try(func() { _ = a.(*Cat) })
	try(func() { _ = a.(Cat) })
	try(func() { _ = a.(*Name) })
	try(func() { _ = a.(*[]Cat) })
	try(func() { _ = a.(map[string]*Cat) })
	try(func() { _ = a.(func(Cat) *Cat) })
	var c any = &Cat{"tom"}
	try(func() { _ = c.(Cat) })
	try(func() { _ = c.(Outer) })
	var in any = Inner{}
	try(func() { _ = in.(Outer) })
	fmt.Println(c.(*Cat).name)
	try(func() { _ = in.(*Outer) })
}
