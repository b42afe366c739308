// Counting loops inside function literals and goroutines, whose bounds are
// parameters, locals or lengths, with break, continue and labels: they run
// in laps between interrupt checks (goconc's laps.go), and must mean what
// the plain loops mean, also when the bound changes or is shared.
package main

import (
	"fmt"
	"sync"
)

func main() {
	sum := func(xs []int) int {
		t := 0
		for i := 0; i < len(xs); i++ {
			if xs[i] < 0 {
				continue
			}
			if xs[i] > 100 {
				break
			}
			t += xs[i]
		}
		return t
	}
	fmt.Println(sum([]int{1, 2, -3, 4, 500, 6}))

	var wg sync.WaitGroup
	results := make([]int, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			t := 0
			for i := 0; i < n*1000; i++ {
				t += i % 7
			}
			results[n] = t
		}(w)
	}
	wg.Wait()
	fmt.Println(results)

	// The bound changes inside the loop: Go reads it at every iteration.
	shrink := func(n int) int {
		steps := 0
		for i := 0; i < n; i++ {
			n--
			steps++
		}
		return steps
	}
	fmt.Println(shrink(10))

	// A closure changes the bound the loop reads.
	grow := func() int {
		n := 3
		more := func() { n++ }
		steps := 0
		for i := 0; i < n; i++ {
			if i < 5 {
				more()
			}
			steps++
		}
		return steps
	}
	fmt.Println(grow())

	// Labels on loops in a literal.
	pairs := func(n int) (out []string) {
	Rows:
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if j > i {
					continue Rows
				}
				if i == 3 {
					break Rows
				}
				out = append(out, fmt.Sprint(i, j))
			}
		}
		return out
	}
	fmt.Println(pairs(5))

	// Long loops: many laps, each lap longer than the one before.
	long := func(n int) int {
		c := 0
		for i := 0; i < n; i++ {
			if i%99991 == 0 {
				c++
			}
		}
		return c
	}
	fmt.Println(long(3000000))
}
