package main

import (
	"fmt"
	"slices"
)

func main() {
	s := []int{3, 1, 2}
	slices.Sort(s)
	i, found := slices.BinarySearch(s, 2)
	fmt.Println(s, i, found, slices.Contains(s, 3), slices.Index(s, 3), slices.Max(s))
	slices.Reverse(s)
	fmt.Println(s, slices.Equal(s, []int{3, 2, 1}))
}
