// Type parameters written over several lines, as gofmt keeps long
// constraints, and a receiver with a blank type parameter.
package main

import (
	"cmp"
	"fmt"
	"strings"
)

type Number interface {
	~int | ~int64 |
		~float64
}

func SumBy[
	T any,
	N Number,
](xs []T, f func(T) N) N {
	var s N
	for _, x := range xs {
		s += f(x)
	}
	return s
}

type Ledger[ID ~string, Amount Number] struct {
	id      ID
	amounts []Amount
}

func (l Ledger[ID, _]) ID() ID { return l.id }

func (l Ledger[_, Amount]) Total() Amount {
	return SumBy(l.amounts, func(a Amount) Amount { return a })
}

func (
	l *Ledger[ID, Amount],
) Add(a Amount) {
	l.amounts = append(l.amounts, a)
}

func MaxOf[
	K comparable,
	V cmp.Ordered,
](m map[K]V) (best K, top V) {
	first := true
	for k, v := range m {
		if first || v > top {
			best, top, first = k, v, false
		}
	}
	return
}

type Account string

func main() {
	words := []string{"go", "rust", "c"}
	fmt.Println(SumBy(words, func(s string) int { return len(s) }))
	fmt.Println(SumBy(words, func(s string) float64 { return float64(len(s)) / 2 }))
	l := Ledger[Account, int]{id: "savings"}
	l.Add(5)
	l.Add(7)
	fmt.Println(l.ID(), l.Total())
	fmt.Println(MaxOf(map[string]int{"a": 1}))
	fmt.Println(strings.ToUpper(string(l.ID())))
}
