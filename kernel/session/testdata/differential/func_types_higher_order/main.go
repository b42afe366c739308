package main

import "fmt"

type op func(int, int) int

func apply(f op, a, b int) int { return f(a, b) }

func compose(f, g func(int) int) func(int) int { return func(x int) int { return g(f(x)) } }

func main() {
	ops := map[string]op{"+": func(a, b int) int { return a + b }, "*": func(a, b int) int { return a * b }}
	fmt.Println(apply(ops["+"], 2, 3), apply(ops["*"], 2, 3))
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5))
}
