package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	t := s[1:3]
	t = append(t, 99)
	fmt.Println(s, t, len(t), cap(t))
	u := make([]int, 2, 10)
	copy(u, s)
	fmt.Println(u, s[:0], s[4:])
	var nilS []int
	fmt.Println(nilS == nil, len(nilS), append(nilS, 1))
	full := s[1:2:3]
	fmt.Println(len(full), cap(full))
}
