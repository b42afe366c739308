// A range over a function whose body returns from the function around it,
// or defers calls, which run when that function returns, last first.
package main

import (
	"fmt"
	"iter"
	"slices"
)

func count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator done", n)
		for i := range n {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func firstOver(limit int) (int, bool) {
	for v := range count(10) {
		if v*v > limit {
			return v, true
		}
	}
	return 0, false
}

func named() (found string, err error) {
	for i, s := range slices.All([]string{"a", "bb", "ccc"}) {
		if len(s) == 2 {
			found = fmt.Sprint(i, s)
			return
		}
	}
	return "", fmt.Errorf("none")
}

func cleanup() {
	defer fmt.Println("deferred before the loop")
	for v := range count(3) {
		defer fmt.Println("deferred in the loop", v)
		for w := range count(2) {
			defer fmt.Println("deferred in the inner loop", v, w)
		}
	}
	defer fmt.Println("deferred after the loop")
	fmt.Println("cleanup body done")
}

func main() {
	fmt.Println(firstOver(20))
	fmt.Println(firstOver(1000))
	fmt.Println(named())
	cleanup()
}
