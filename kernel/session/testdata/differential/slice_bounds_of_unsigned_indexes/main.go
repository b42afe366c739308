// Slicing with unsigned bounds too large for an int: the panic names the
// bound as Go's runtime does, not as a negative number.
package main

import "fmt"

func try(f func()) {
	defer func() { fmt.Println(recover()) }()
	f()
}

func main() {
	s := []int{1, 2, 3}
	big := ^uint64(0)
	var u32 uint32 = 1 << 31
	var small uint8 = 2
	try(func() { _ = s[:big] })
	try(func() { _ = s[big:] })
	try(func() { _ = s[small:big] })
	try(func() { _ = s[:u32] })
	try(func() { _ = s[0:1:big] })
	try(func() { _ = "abc"[big:] })
	try(func() { _ = s[big] })
	try(func() { _ = s[small:1] })
}
