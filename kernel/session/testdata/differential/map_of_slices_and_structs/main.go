package main

import (
	"fmt"
	"sort"
)

type student struct {
	name  string
	score int
}

func main() {
	byClass := map[string][]student{}
	byClass["a"] = append(byClass["a"], student{"x", 3}, student{"y", 1})
	byClass["b"] = append(byClass["b"], student{"z", 2})
	for _, k := range []string{"a", "b"} {
		s := byClass[k]
		sort.Slice(s, func(i, j int) bool { return s[i].score < s[j].score })
		fmt.Println(k, s)
	}
}
