package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	s := []string{"c", "a", "b"}
	for i, v := range slices.All(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward(s) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(slices.Values(s)), slices.Sorted(slices.Values(s)))
	fmt.Println(slices.AppendSeq([]string{"z"}, slices.Values(s)))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	fmt.Println(slices.SortedFunc(slices.Values(s), func(a, b string) int { return strings.Compare(b, a) }))
	fmt.Println(slices.Repeat([]int{1, 2}, 3), slices.Concat([]int{1}, []int{2, 3}, nil))
	x := []int{1, 2, 3, 4, 5}
	x = slices.Insert(x, 2, 10, 11)
	fmt.Println(x)
	x = slices.Delete(x, 1, 3)
	fmt.Println(x, slices.Compact([]int{1, 1, 2, 2, 2, 3}))
	x = slices.Replace(x, 0, 2, 7, 8, 9)
	fmt.Println(x, slices.Grow(x, 10)[:len(x)], cap(slices.Clip(x)) == len(x))
	i, found := slices.BinarySearchFunc([]int{10, 20, 30}, 25, func(e, t int) int { return e - t })
	fmt.Println(i, found, slices.IsSorted([]int{1, 2, 2}), slices.MinFunc(s, strings.Compare), slices.Min([]float64{2, -1}))
	y := []int{1, 2, 3, 4}
	z := y[1:3]
	y = slices.Insert(y[:1], 1, z...) // overlapping: Insert copes
	fmt.Println(y)
}
