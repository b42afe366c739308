package main

import "fmt"

// Go evaluates an assignment's values, calls first, then assigns its
// places from left to right: a place that panics does so after the calls,
// and after the places before it were assigned.

type account struct{ balance int }

func audit(msg string) int {
	fmt.Println("  audit:", msg)
	return len(msg)
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func store(slots []int, i int) {
	defer func() { fmt.Println("store ->", recover()) }()
	slots[i] = audit("store")
}

func credit(a *account) {
	defer func() { fmt.Println("credit ->", recover()) }()
	a.balance = audit("credit")
}

func main() {
	slots := make([]int, 3)
	store(slots, 1)
	store(slots, 7)
	credit(&account{})
	credit(nil)

	var grid [2][2]int
	row, col := 1, 2
	try("grid", func() { grid[row][col] = audit("grid") })
	try("compound", func() { slots[row+5] += audit("compound") })

	count := 0
	var acct *account
	try("pair", func() { count, slots[9] = audit("pair"), 1 })
	fmt.Println("count", count)
	try("pair through nil", func() { count, acct.balance = 2, audit("nil") })
	fmt.Println("count", count)

	m := map[int]int{}
	var empty []int
	try("map then slice", func() { m[2], empty[1] = 2, 2 })
	fmt.Println(len(m), m[2])

	x := []int{1, 2, 3}
	i, j := 0, 2
	x[i], x[j] = x[j], x[i]
	fmt.Println(x)

	p := &account{balance: 1}
	q := p
	p, p.balance = &account{}, 4
	fmt.Println(q.balance, p.balance)
}
