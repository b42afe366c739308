// A comma-ok map lookup or type assertion that misses gives its value
// type's zero value. The interpreter left the place as it was: in a loop,
// a word counter's c, ok := counts[w] gave a new word the previous word's
// count, silently, and so did every other form below.
package main

import (
	"fmt"
	"strings"
)

type stats struct {
	last int
	seen bool
}

func count(text string) map[string]int {
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		c, ok := counts[w]
		if !ok {
			fmt.Printf("new word %q (count %d)\n", w, c)
		}
		counts[w] = c + 1
	}
	return counts
}

func pick(i int) int { return i }

func main() {
	counts := count("the cat saw the dog and the bird")
	fmt.Println(counts["the"], counts["cat"], counts["bird"])

	ages := map[string]int{"ann": 31}
	for _, name := range []string{"ann", "bob"} {
		if age, ok := ages[name]; !ok {
			fmt.Println(name, "unknown, age", age)
		} else {
			fmt.Println(name, "is", age)
		}
		if age, ok := ages[name]; ok && age > 30 {
			fmt.Println(name, "is over 30")
		} else {
			fmt.Println(name, "is not known to be over 30:", age)
		}
		age, _ := ages[name]
		var again, found = ages[name]
		fmt.Println(name, age, again, found)
	}

	for _, v := range []any{42, "forty-two", 4.2, []int{4, 2}, "x"} {
		n, isInt := v.(int)
		s, isSlice := v.([]int)
		fmt.Println(n, isInt, s, isSlice, len(s))
		switch f, ok := v.(float64); {
		case ok:
			fmt.Println("float", f)
		default:
			fmt.Println("not a float", f)
		}
	}

	y, ok := 5, true
	y, ok = ages["carl"]
	fmt.Println(y, ok)

	var st stats
	st.last, st.seen = ages["ann"]
	st.last, st.seen = ages["dan"]
	fmt.Println(st)

	last := []int{7, 7}
	var got any
	for _, k := range []string{"ann", "eve"} {
		last[pick(0)], got = ages[k]
		fmt.Println(last, got)
	}

	for k, ok := ages["zed"]; !ok; k, ok = ages["ann"] {
		fmt.Println("looping with", k)
	}
}
