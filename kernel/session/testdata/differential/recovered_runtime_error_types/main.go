// A recovered runtime error is a runtime.Error with Go's message, and %T
// names the type Go's runtime panics with: runtime.boundsError for an
// index, *runtime.TypeAssertionError for an assertion, runtime.plainError
// and runtime.errorString for the others.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ x int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Printf("%s: %T %v %v\n", name, r, isRT, r)
	}()
	f()
}

func main() {
	var m map[string]int
	var p *T
	var a []int
	var i any = "s"
	var ch chan int
	zero := 0
	n := -1
	try("index", func() { _ = a[3] })
	try("slice", func() { _ = a[1:5] })
	try("nilmap", func() { m["x"] = 1 })
	try("nilptr", func() { _ = p.x })
	try("assert", func() { _ = i.(int) })
	try("div", func() { _ = 1 / zero })
	try("closenil", func() { close(ch) })
	try("closeclosed", func() { c := make(chan int); close(c); close(c) })
	try("sendclosed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("makeslice", func() { _ = make([]int, n) })
	try("hash", func() { mm := map[any]int{}; mm[[]int{1}] = 1 })
	try("conv", func() { s := []int{1, 2}; _ = [4]int(s) })
	try("custom", func() { panic(fmt.Errorf("mine")) })
}
