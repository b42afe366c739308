package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	c := maps.Clone(m)
	c["d"] = 4
	fmt.Println(len(m), len(c), maps.Equal(m, c))
	maps.DeleteFunc(c, func(k string, v int) bool { return v%2 == 0 })
	fmt.Println(slices.Sorted(maps.Keys(c)), slices.Sorted(maps.Values(c)))
	dst := map[string]int{"z": 26}
	maps.Copy(dst, m)
	fmt.Println(len(dst), dst["b"])
	col := maps.Collect(slices.All([]string{"x", "y"}))
	fmt.Println(col)
	maps.Insert(col, maps.All(map[int]string{5: "five"}))
	fmt.Println(len(col), col[5])
	fmt.Println(maps.EqualFunc(map[int]int{1: 1}, map[int]string{1: "1"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	var nilMap map[string]int
	fmt.Println(maps.Clone(nilMap) == nil)
}
