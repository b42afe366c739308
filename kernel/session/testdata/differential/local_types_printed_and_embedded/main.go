// Types declared inside a function: printed with their Go names (%T,
// %#v, embedded fields) when a generic function takes them, a recursive
// one printed with %+v, and one embedded in another, named and encoded by
// json as Go does.
package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	type pair struct {
		Key   string `json:"key"`
		Count int    `json:"count"`
		note  string
	}
	type byCount []pair
	words := strings.Fields("a b a c b a")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	var ps []pair
	for k, v := range counts {
		ps = append(ps, pair{k, v, "n"})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Count > ps[j].Count })
	fmt.Println(ps)
	fmt.Printf("%v %+v %T %#v\n", ps[0], ps[0], ps[0], ps[0])
	b, _ := json.Marshal(ps)
	fmt.Println(string(b))
	var back []pair
	json.Unmarshal(b, &back)
	fmt.Println(back)
	bc := byCount(ps)
	fmt.Printf("%T %v\n", bc, len(bc))
	keys := Map(ps, func(p pair) string { return p.Key })
	fmt.Println(keys, slices.Index(keys, "b"))
	type wrapper struct {
		pair
		extra []pair
	}
	w := wrapper{ps[0], ps[1:]}
	fmt.Printf("%v %+v\n", w, w)
	set := map[pair]bool{ps[0]: true}
	fmt.Println(set[pair{"a", 3, "n"}], set[pair{"a", 3, ""}])
	type node struct {
		val  int
		next *node
	}
	n := &node{1, &node{2, nil}}
	for c := n; c != nil; c = c.next {
		fmt.Print(c.val, " ")
	}
	fmt.Println()
	fmt.Printf("%+v\n", *n.next)
	var anyp any = ps[0]
	type lpair struct{ A int }
	type lw struct {
		lpair
		B int
	}
	lb, _ := json.Marshal(lw{lpair{1}, 2})
	fmt.Println(string(lb), w.pair.Key, w.Key)
	switch v := anyp.(type) {
	case pair:
		fmt.Println("pair", v.Key)
	default:
		fmt.Println("other")
	}
}
