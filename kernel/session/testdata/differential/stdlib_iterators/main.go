package main

// The standard library's iterator functions (Go 1.23 and later) are
// compiled; their iter.Seq results meet the cell's own iter.Seq types,
// generic code of slices and maps, iter.Pull, and range-over-func.

import (
	"bytes"
	"fmt"
	"iter"
	"maps"
	"reflect"
	"slices"
	"strings"
)

func count[T any](s iter.Seq[T]) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func firstN(s iter.Seq[string], n int) []string {
	var out []string
	for v := range s {
		if len(out) == n {
			break
		}
		out = append(out, v)
	}
	return out
}

func main() {
	for part := range strings.SplitSeq("a,b,c", ",") {
		fmt.Println("part", part)
	}
	var words iter.Seq[string] = strings.FieldsSeq("  go is   fun ")
	fmt.Println(slices.Collect(words), count(words))
	fmt.Println(firstN(strings.SplitSeq("1 2 3 4", " "), 2))
	for l := range strings.Lines("one\ntwo\nthree") {
		fmt.Printf("%q ", l)
	}
	fmt.Println()
	for f := range bytes.FieldsFuncSeq([]byte("x1y22z"), func(r rune) bool { return r >= '0' && r <= '9' }) {
		fmt.Printf("%s ", f)
	}
	fmt.Println()
	next, stop := iter.Pull(strings.SplitAfterSeq("p,q,r", ","))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Println("pulled", v)
	}
	stop()
	for i, v := range reflect.ValueOf([]string{"x", "y"}).Seq2() {
		fmt.Println(i.Int(), v.String())
	}
	for v := range reflect.ValueOf(3).Seq() {
		fmt.Print(v.Int(), " ")
	}
	fmt.Println()
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))
}
