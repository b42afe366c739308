// Slice and index bounds of integer types other than int, constants
// included (const c8 int8 = 3): the check goconc writes before the
// statement compared an int8 constant with cap(s), an int, which the
// interpreter refused ("mismatched types int8 and int"; Go's
// test/index0.go).
package main

import "fmt"

const c8 int8 = 3
const c16 uint16 = 2
const big uint64 = 12

var s = []int{0, 1, 2, 3, 4, 5}
var str = "abcdef"
var arr = [6]int{5, 4, 3, 2, 1, 0}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
}

func main() {
	fmt.Println(s[0:c8], s[c16:c8], s[c8:], s[c16:c8:c8], s[c8])
	fmt.Println(str[c16:c8], str[:c8], arr[c16:c8])
	var i8 int8 = 4
	var u32 uint32 = 1
	fmt.Println(s[u32:i8], str[u32:], s[i8])
	try("past the capacity", func() { fmt.Println(s[c8:big]) })
	try("past the length", func() { fmt.Println(str[big:]) })
	try("an index", func() { fmt.Println(s[big]) })
}
