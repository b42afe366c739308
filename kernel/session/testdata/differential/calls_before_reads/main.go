// A statement makes its calls before it reads the operands a call could
// change, as Go's compiler does (the spec orders the calls alone). The
// interpreter went from left to right: fmt.Println(stock["pens"],
// restock()) printed the count from before the restock, x[0] += f() added
// to the old slice (Go's test/fixedbugs/issue21687.go), s[i] = next()
// stored at the old index, return total+1, add() returned the old total.
// What gc evaluates in order with the calls stays before them: len(s), a
// type assertion, a struct literal handed to an interface, a map
// literal's earlier entries.
package main

import (
	"fmt"
	"strings"
)

var stock = map[string]int{"pens": 1}

func restock() int {
	stock["pens"] += 10
	return stock["pens"]
}

type Account struct{ Balance int }

func (a *Account) Deposit(n int) int {
	a.Balance += n
	return a.Balance
}

var acct = &Account{Balance: 5}

var log []string

func note(s string) int {
	log = append(log, s)
	return len(log)
}

type Reporter interface{ Report(a, b any) }

type printer struct{ prefix string }

func (p printer) Report(a, b any) { fmt.Println(p.prefix, a, b) }

type pair struct{ A, B any }

type one struct{ N int }

type two struct{ N, M int }

var total = 10

func add() int {
	total += 5
	return total
}

func totals() (int, int) {
	return total + 1, add()
}

func main() {
	fmt.Println(stock["pens"], restock())
	fmt.Println(acct.Balance, acct.Deposit(10), acct.Balance*2)

	xs := []int{1, 2, 3}
	grow := func() int { xs = append(xs, 4); xs[0] = 100; return len(xs) }
	fmt.Println(xs[0], grow())
	xs = []int{1, 2, 3}
	xs[0] += grow()
	fmt.Println(xs)

	i := 0
	next := func() int { i = 2; return 9 }
	row := [3]int{}
	row[i] = next()
	fmt.Println(row)

	fmt.Println(totals())
	sum := total*2 + add()
	fmt.Println(sum)

	// A call made before a later one keeps its own order inside.
	fmt.Println(total, fmt.Sprint(stock["pens"], "/", restock()), add())

	var r Reporter = printer{"report:"}
	r.Report(stock["pens"], restock())

	// Kept in order with the calls: len, an assertion, a literal in an
	// interface, a map literal's earlier entries.
	var v any = 1
	change := func() int { v = 2; xs = xs[:1]; stock["pens"] = 0; return 0 }
	fmt.Println(len(xs), v.(int), pair{A: stock["pens"]}, change())
	stock["pens"] = 7
	m := map[string]int{"before": stock["pens"], "after": restock()}
	fmt.Println(m)

	// A struct literal handed to an interface: gc builds it first where
	// its conversion takes its address (more than a word), and reads a
	// word's with the rest.
	level := 1
	raise := func() int { level = 2; return 0 }
	fmt.Println(two{level, level}, one{level}, raise())
	level = 1
	var boxed, plain any = two{level, 0}, one{level}
	fmt.Println(boxed, plain)

	// The spec's examples.
	a := 1
	f := func() int { a++; return a }
	fmt.Println([]int{a, f()}, map[int]int{a: f()})

	// Deferred and started calls take their arguments the same way.
	func() {
		defer fmt.Println("deferred:", stock["pens"], restock())
		stock["pens"] = 0
	}()
	done := make(chan string)
	go func(n, m int) { done <- fmt.Sprint("started: ", n, " ", m) }(stock["pens"], restock())
	fmt.Println(<-done)

	// An else's if.
	if stock["pens"] > 100 {
		fmt.Println("plenty")
	} else if stock["pens"] == restock()-10 {
		fmt.Println("restocked from", stock["pens"]-10)
	} else {
		fmt.Println("counted after the restock:", stock["pens"])
	}

	// A labelled switch keeps its label, which a break names.
	counted := 0
tally:
	switch stock["pens"] - restock() {
	case 0:
		counted = stock["pens"]
		break tally
	default:
		counted = -1
	}
	fmt.Println("tally", counted)

	// Where no statement can come first: a loop's condition, a case, the
	// right operand of &&.
	rounds := 0
	for stock["pens"] < restock()-5 && rounds < 3 {
		rounds++
	}
	fmt.Println("rounds", rounds, stock["pens"])
	switch {
	case stock["pens"] == restock():
		fmt.Println("case: the count after the restock")
	default:
		fmt.Println("case: the count before")
	}
	fmt.Println(rounds > 0 || stock["pens"] == restock())

	// && evaluates its right operand only when it must.
	ok := stock["pens"] > 0 && note("checked") > 0
	fmt.Println(ok, strings.Join(log, ","), stock["pens"])
}
