// A slice expression out of range says its bounds and the capacity or
// length, as Go's runtime does.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	f()
}

func main() {
	s := make([]int, 3, 5)
	str := "hello"
	var arr [4]int
	hi, lo, max, neg := 6, 4, 2, -1
	try("past capacity", func() { _ = s[:hi] })
	try("within capacity", func() { fmt.Println(len(s[:5])) })
	try("low above high", func() { _ = s[lo:2] })
	try("low above length", func() { _ = s[lo:] })
	try("negative high", func() { _ = s[:neg] })
	try("negative low", func() { _ = s[neg:] })
	try("string", func() { _ = str[2:hi] })
	try("string low", func() { fmt.Println(str[lo:]) })
	try("array", func() { _ = arr[1:hi] })
	try("array pointer", func() { p := &arr; _ = p[lo:max] })
	try("three-index max", func() { _ = s[0:1:hi] })
	try("three-index high above max", func() { _ = s[0:3:max] })
	try("three-index low above high", func() { _ = s[lo:3:5] })
	var u uint8 = 9
	try("uint8", func() { _ = s[:u] })
	words := []string{"a", "b", "c"}
	for i := range words {
		fmt.Println(words[i:], words[:i+1])
	}
	try("window", func() {
		for i := range words {
			fmt.Println(words[i : i+2])
		}
	})
}
