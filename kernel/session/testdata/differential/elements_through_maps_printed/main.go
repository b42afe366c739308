// An element of a slice read through a map or another slice, of a type
// with a String method, is printed by that method.
package main

import "fmt"

type Tx struct {
	Kind   string
	Amount float64
}

func (t Tx) String() string { return fmt.Sprintf("%s:%.2f", t.Kind, t.Amount) }

type Account struct{ history []Tx }

type Bank struct{ accounts map[int]*Account }

func main() {
	a := &Account{history: []Tx{{"dep", 50}}}
	b := &Bank{accounts: map[int]*Account{2: a}}
	fmt.Println(a.history[0])
	fmt.Println(b.accounts[2].history[0])
	fmt.Println(b.accounts[2].history[len(b.accounts[2].history)-1])
	h := b.accounts[2].history
	fmt.Println(h[len(h)-1])
	i := 0
	fmt.Println(b.accounts[2].history[i])
	m := map[int][]Tx{1: {{"x", 1}}}
	fmt.Println(m[1][0])
	ptrs := map[int]*Tx{1: {"y", 2}}
	fmt.Println(*ptrs[1], ptrs[1].Kind)
	acc := map[string]Account{"k": {[]Tx{{"z", 3}}}}
	fmt.Println(acc["k"].history[0])
	fmt.Printf("%v %s\n", m[1][0], acc["k"].history[0])
	var xs [][]Tx = [][]Tx{{{"w", 4}}}
	fmt.Println(xs[0][0], []any{xs[0][0]})
}
