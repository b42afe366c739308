// A call of a builtin (len, cap, append, make, new, copy) as one of
// several values a statement returns or assigns. The interpreter wrote
// the result of such a call, in a return statement, into the function's
// first result whatever its place: return total / len(xs), len(xs)
// returned 3, 3 for Go's 2, 3, silently, and a later append or make
// panicked. Assigning several places, it lost the others: lo, hi = 0,
// len(a) left lo as it was: a binary search looked in the wrong half.
// (Found by a variadic method returning t.n + a, len(xs), written to test
// method expressions.)
package main

import (
	"fmt"
	"sort"
)

type T struct{ n int }

func (t T) Two(a int, xs ...int) (int, int) { return t.n + a, len(xs) }

func stats(xs ...int) (mean, count int) {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total / len(xs), len(xs)
}

func grow(name string, s []int) (string, []int) { return name + "!", append(s, len(s)) }

func fresh(n int) (int, []int, *int) { return n * 2, make([]int, n), new(int) }

func capacity(s []int) (int, int) { return len(s) + 100, cap(s) }

func copied(dst, src []int) (string, int) { return "copied", copy(dst, src) }

// searchBoth returns the first indexes in sorted a of values >= x and
// >= y, searching twice with the same bounds.
func searchBoth(a []int, x, y int) (int, int) {
	lo, hi := 0, len(a)
	for lo < hi {
		if mid := (lo + hi) / 2; a[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	first := lo
	lo, hi = 0, len(a)
	for lo < hi {
		if mid := (lo + hi) / 2; a[mid] < y {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return first, lo
}

func main() {
	fmt.Println(T{4}.Two(1, 2, 3))
	fmt.Println(stats(1, 2, 3))
	fmt.Println(grow("s", []int{7}))
	n, s, p := fresh(2)
	fmt.Println(n, s, *p)
	fmt.Println(capacity(make([]int, 1, 8)))
	fmt.Println(copied(make([]int, 2), []int{5, 6, 7}))

	a := []int{1, 3, 5, 7, 9}
	fmt.Println(searchBoth(a, 8, 2))
	fmt.Println(sort.SearchInts(a, 8), sort.SearchInts(a, 2))

	str := "gopher"
	x, y := 0, 0
	x, y = 20, len(str)
	fmt.Println(x, y)
	x, y = len(str), 2+10
	fmt.Println(x, y)
	x, y = x*2, cap(make([]int, 0, 9))
	fmt.Println(x, y)
	var out []int
	x, out = 5, append(out, 1, 2)
	fmt.Println(x, out)
}
