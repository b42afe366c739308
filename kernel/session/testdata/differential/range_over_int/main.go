package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	n := 0
	for range 5 {
		n++
	}
	type level uint8
	var last level
	for l := range level(4) {
		last = l
	}
	fmt.Println(n, last)
}
