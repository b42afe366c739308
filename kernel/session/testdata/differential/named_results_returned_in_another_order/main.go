// A return statement evaluates all its results before it assigns any of
// the named results.
package main

import (
	"errors"
	"fmt"
)

func swap() (a, b int) {
	a, b = 1, 2
	return b, a
}

func rotate() (x, y, z string) {
	x, y, z = "x", "y", "z"
	return y, z, x
}

func divmod(n, d int) (q, r int, err error) {
	if d == 0 {
		err = errors.New("division by zero")
		return 0, 0, err
	}
	q, r = n/d, n%d
	return r, q + r, err
}

type Pair struct{ L, R string }

func (p Pair) Flip() (l, r string) {
	l, r = p.L, p.R
	return r, l
}

func Swap[T any](x, y T) (a, b T) {
	a, b = x, y
	return b, a
}

func later() (n int, s string) {
	n = 1
	return 2, fmt.Sprint("n was ", func() int { return n }())
}

func deferred() (a, b int) {
	defer func() { a *= 10 }()
	a, b = 3, 4
	return b, a
}

func main() {
	fmt.Println(swap())
	fmt.Println(rotate())
	fmt.Println(divmod(7, 2))
	fmt.Println(divmod(1, 0))
	fmt.Println(Pair{"left", "right"}.Flip())
	fmt.Println(Swap(1.5, 2.5))
	fmt.Println(Swap("a", "b"))
	fmt.Println(later())
	fmt.Println(deferred())
	f := func() (lo, hi int) {
		lo, hi = 9, 1
		if lo > hi {
			return hi, lo
		}
		return
	}
	fmt.Println(f())
}
