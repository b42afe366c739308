package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, len(m))
	delete(m, "b")
	v, ok := m["b"]
	fmt.Println(v, ok)
	ks := slices.Sorted(maps.Keys(m))
	fmt.Println(ks)
}
