package main

// ++ and -- of a uintptr (and of a type made of one) count as they do on
// any other integer, and what follows them runs.

import (
	"fmt"
	"unsafe"
)

type Addr uintptr

func main() {
	var p uintptr = 3
	p++
	p++
	p--
	fmt.Println("p", p)
	words := [4]int64{10, 20, 30, 40}
	base := uintptr(unsafe.Pointer(&words[0]))
	n := 0
	for off := uintptr(0); off < unsafe.Sizeof(words); off++ {
		if off%unsafe.Sizeof(words[0]) == 0 {
			n++
		}
	}
	fmt.Println("words", n, base != 0)
	a := Addr(7)
	a--
	counts := map[string]uintptr{}
	counts["x"]++
	counts["x"]++
	fmt.Println(a, counts)
}
