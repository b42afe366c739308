package main

// Leaving nested ranges over functions from any depth: continue and
// break of an outer loop (a range over a function, a counting loop, a
// select), goto out of the nest, return from two loops deep (named
// results too, seen by a deferred call), as Go runs them.

import (
	"errors"
	"fmt"
	"iter"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer fmt.Println("count", n, "done")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Grid(w, h int) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		for y := range h {
			for x := range w {
				if !yield(x, y) {
					return
				}
			}
		}
	}
}

func find(target int) (int, int, bool) {
	for a := range Count(5) {
		for b := range Count(5) {
			if a*b == target {
				return a, b, true
			}
		}
	}
	return 0, 0, false
}

func findNamed(target int) (pos int, err error) {
	defer func() { fmt.Println("findNamed returns", pos, err) }()
	for i := range Count(10) {
		for j := range Count(3) {
			if i+j == target {
				pos = i*10 + j
				return
			}
			if i+j > 20 {
				return -1, errors.New("too far")
			}
		}
	}
	return -2, errors.New("not found")
}

func firstNeg(rows [][]int) (r, c int) {
	for i, row := range slices.All(rows) {
		for j, v := range slices.All(row) {
			if v < 0 {
				return i, j
			}
		}
	}
	return -1, -1
}

func gotoOut() int {
	n := 0
	for i := range Count(4) {
		for j := range Count(4) {
			n++
			if i == 2 && j == 1 {
				goto done
			}
		}
	}
	return -1
done:
	return n
}

func selectBreak(ch chan int) int {
	got := 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			for k := range Count(v) {
				if k == 2 {
					got += 100
					continue loop
				}
				if k == 5 {
					break loop
				}
				got++
			}
		}
	}
	return got
}

func deep() string {
	out := ""
L1:
	for a := range Count(3) {
	L2:
		for b := range Count(3) {
			for c := range Count(3) {
				out += fmt.Sprint(a, b, c, " ")
				if c == 1 && b == 0 {
					continue L2
				}
				if c == 2 {
					continue L1
				}
				if a == 2 && b == 1 {
					break L1
				}
			}
		}
	}
	return out
}

func counted() int {
	total := 0
outer:
	for i := 0; i < 6; i++ {
		for v := range Count(3) {
			if v == i {
				continue outer
			}
			if i == 5 {
				break outer
			}
			total += v
		}
	}
	return total
}

func score(a, b int) int { return a*10 + b }

func firstBig(limit int) (int, bool) {
	for a := range Count(9) {
		for b := range Count(9) {
			if a*b > limit {
				return score(a, b), true
			}
		}
	}
	return 0, false
}

func main() {
	fmt.Println(firstBig(20))
	fmt.Println(firstBig(100))
	fmt.Println(find(6))
	fmt.Println(find(100))
	fmt.Println(findNamed(4))
	fmt.Println(firstNeg([][]int{{1, 2}, {3, -4}, {-5}}))
	fmt.Println(gotoOut())
	ch := make(chan int, 4)
	ch <- 1
	ch <- 3
	ch <- 2
	close(ch)
	fmt.Println(selectBreak(ch))
	fmt.Println(deep())
	fmt.Println(counted())
	for x, y := range Grid(3, 3) {
		if x == y {
			continue
		}
		if x+y > 3 {
			break
		}
		fmt.Print(x, y, ";")
	}
	fmt.Println()
	f := func() int {
		for v := range Count(9) {
			for w := range Count(9) {
				if v*w == 12 {
					return v + w
				}
			}
		}
		return 0
	}
	fmt.Println(f())
	sw := 0
	for v := range Count(5) {
		switch {
		case v == 1:
			continue
		case v == 3:
			break
		default:
			sw += v
		}
		sw += 10
	}
	fmt.Println(sw)
}
