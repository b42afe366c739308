// What recover() returns for the runtime's errors is a runtime.Error, as
// in Go, whether the interpreter or reflection found the error.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func try(name string, f func()) {
	defer func() {
		v := recover()
		re, ok := v.(runtime.Error)
		if !ok {
			fmt.Printf("%s: not a runtime.Error: %v\n", name, v)
			return
		}
		msg := re.Error()
		if i := strings.Index(msg, " ["); i > 0 {
			msg = msg[:i] // Go adds the index and length
		}
		fmt.Printf("%s: %s\n", name, msg)
	}()
	f()
}

type node struct{ next *node }

func main() {
	xs := make([]int, 3)
	hi := 9
	var p *[4]int
	var n *node
	try("slice", func() { _ = xs[1:hi] })
	try("nil array", func() { _ = p[1] })
	try("nil struct", func() { _ = n.next })
	try("divide", func() { zero := 0; _ = 1 / zero })
	size := -1
	try("make slice", func() { _ = make([]int, size) })
	try("make chan", func() { _ = make(chan int, size) })
	huge := 1 << 62
	try("make cap", func() { _ = make([]int, 0, huge) })
	try("make cap below len", func() { _ = make([]int, 3, hi-7) })
	try("make cap negative", func() { _ = make([]byte, 0, size) })
	try("make len", func() { _ = make([]int, huge, huge) })
	try("make ok", func() { fmt.Println(len(make([]struct{}, 2, huge)), cap(make([]int, 1, hi))) })
	var m map[string]int
	try("nil map", func() { m["a"] = 1 })
}
