package main

import (
	"fmt"
	"strings"
	"time"
)

// Function literals with unnamed parameters that call other functions.
func apply(f func(int) int, n int) int { return f(n) }

func main() {
	ignore := func(int) int {
		time.Sleep(time.Millisecond)
		return 1
	}
	fmt.Println(apply(ignore, 5))
	fmt.Println(apply(func(int) int { return len(strings.Repeat("ab", 3)) }, 0))
	handlers := map[string]func(string, int) string{
		"upper": func(s string, _ int) string { return strings.ToUpper(s) },
		"skip":  func(string, int) string { return fmt.Sprint("skipped") },
	}
	fmt.Println(handlers["upper"]("go", 1), handlers["skip"]("go", 2))
}
