package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(1.5, 2.5), min("b", "a"))
	m := map[int]bool{1: true, 2: true}
	clear(m)
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(len(m), s)
}
