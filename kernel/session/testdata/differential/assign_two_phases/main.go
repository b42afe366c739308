// An assignment of several places evaluates its indexes, pointers and
// values first, then assigns from left to right; a range with = assigns
// the function's variables, which keep the last key and value.
package main

import (
	"fmt"
	"time"
)

var shared []int

func at(i int) int { return shared[i] }

func pair() (bool, bool) { return false, true }

type box struct{ n int }

func main() {
	x := []int{1, 2, 3}
	i := 0
	i, x[i] = 1, 100
	fmt.Println(i, x)

	shared = []int{1, 2, 3}
	y := shared
	shared[1], y[0] = at(0), at(1)
	fmt.Println(shared)

	var ok bool
	ok, ok = pair()
	fmt.Println(ok)

	m := map[string]int{}
	k := "a"
	k, m[k] = "b", len(m)+1
	fmt.Println(k, m)

	b := &box{}
	var d time.Duration
	b, b.n, d = &box{n: 9}, 5, 3
	fmt.Println(b.n, d)

	p, q := new(int), new(int)
	*p, *q = 1, 2
	p, *p = q, at(2)
	fmt.Println(*p, *q)

	var key, val int
	for key, val = range []int{10, 20, 30} {
	}
	fmt.Println(key, val)

	var name string
	for name = range map[string]bool{"only": true} {
	}
	fmt.Println(name)

	z := []int{10, 20}
	j := 1
	for j, z[j] = range []int{99} {
		break
	}
	fmt.Println(j, z)

	var r rune
	for j, r = range "héllo" {
	}
	fmt.Println(j, string(r))

	ch := make(chan int, 3)
	ch <- 4
	ch <- 5
	close(ch)
	var last int
	for last = range ch {
	}
	fmt.Println(last)
}
