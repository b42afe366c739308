package main

import (
	"fmt"
	"sort"
	"strings"
)

type words []string

func (w words) join() string { return strings.Join(w, "-") }

type counts map[string]int

func (c counts) add(s string) { c[s]++ }

func main() {
	w := words{"c", "a", "b"}
	sort.Strings(w)
	fmt.Println(w.join())
	c := counts{}
	c.add("x")
	c.add("x")
	fmt.Println(c["x"])
}
