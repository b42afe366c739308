package main

import (
	"fmt"
	"strings"
)

// Since Go 1.26 the compiler backs the first growth of a slice that never
// leaves its function with a 32-byte buffer on the stack.

type point struct{ x, y int32 }

// collect returns its slice, whose capacity it reads: each growth that
// fits in the buffer goes one size class up.
func collect(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		fmt.Printf("  collect: len=%d cap=%d\n", len(s), cap(s))
	}
	return s
}

// word returns its bytes without reading their capacity: they leave at the
// size class of their length.
func word(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, 'a'+byte(i))
	}
	fmt.Println("  word:", n)
	return b
}

func perIteration() {
	for round := 0; round < 3; round++ {
		var s []int
		s = append(s, round)
		fmt.Println("  round", round, "cap", cap(s)) // the buffer, once per call
	}
}

func main() {
	var nums []int
	for i := 0; i < 10; i++ {
		nums = append(nums, i)
		fmt.Printf("len=%d cap=%d\n", len(nums), cap(nums))
	}

	var names []string
	var pts []point
	var bs []byte
	var queue = []int{}
	for i := 0; i < 5; i++ {
		names = append(names, strings.Repeat("n", i))
		pts = append(pts, point{int32(i), 0})
		bs = append(bs, 'x')
		queue = append(queue, i, i)
		queue = queue[1:]
		fmt.Println(cap(names), cap(pts), cap(bs), len(queue), cap(queue))
	}
	fmt.Println(names[4], pts[4].x, string(bs), queue[0])

	twice := make([]int, 0)
	twice = append(twice, 1, 2)
	fmt.Println("make:", cap(twice))

	c := collect(6)
	fmt.Println("collected", len(c), cap(c))
	for _, n := range []int{0, 3, 9, 40} {
		w := word(n)
		fmt.Println("word", len(w), cap(w), string(w[:min(n, 5)]))
	}
	perIteration()

	var out []byte
	for _, r := range "hello" {
		out = append(out, byte(r)-32)
	}
	dst := make([]byte, 2)
	copy(dst, out)
	fmt.Println(string(out), cap(out), string(dst), out != nil)

	// Handed to a function, the slice leaves: the heap, as before.
	var shown []int
	for i := 0; i < 3; i++ {
		shown = append(shown, i)
		fmt.Println(shown, cap(shown))
	}
}
