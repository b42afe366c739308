// Maps whose keys are of an interface the notebook declares: keys of
// compiled types (time.Duration), of the notebook's struct types by value
// and by pointer, of a named float, returned by functions, in literals,
// deleted; equal values are one key, as in Go.
package main

import (
	"fmt"
	"sort"
	"time"
)

type Shape interface{ Area() float64 }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Celsius float64

func (c Celsius) Area() float64 { return float64(c) }

// Bag holds a slice: it cannot be a map key.
type Bag struct{ items []int }

func (b Bag) Area() float64 { return 0 }

type Stringer interface{ String() string }

func shape(i int) Shape {
	if i%2 == 0 {
		return Square{1}
	}
	return Rect{1, 2}
}

func hashBag(m map[Shape]int) (err any) {
	defer func() { err = recover() }()
	m[Bag{}]++
	return nil
}

func main() {
	counts := map[Shape]int{}
	for i := 0; i < 5; i++ {
		counts[shape(i)]++
	}
	counts[Celsius(2)]++
	var c Shape = Celsius(2)
	counts[c]++
	p, q := &Square{3}, &Square{3}
	counts[p]++
	counts[p]++
	counts[q]++
	fmt.Println(len(counts), counts[Square{1}], counts[Rect{1, 2}], counts[Celsius(2)], counts[p], counts[q])
	delete(counts, Square{1})
	_, ok := counts[Square{1}]
	fmt.Println(len(counts), ok)

	seen := map[Stringer]bool{}
	for _, d := range []time.Duration{time.Second, time.Minute, time.Second} {
		seen[d] = true
	}
	var a, b Stringer = time.Second, time.Second
	seen[a] = true
	seen[b] = true
	seen[Stringer(time.Hour)] = true
	var names []string
	for k := range seen {
		names = append(names, k.String())
	}
	sort.Strings(names)
	fmt.Println(len(seen), seen[time.Minute], names)

	byDuration := map[Stringer][]int{}
	for i, d := range []time.Duration{time.Second, 2 * time.Second, time.Second} {
		byDuration[d] = append(byDuration[d], i)
	}
	fmt.Println(len(byDuration), byDuration[time.Second], byDuration[2*time.Second])

	lit := map[Shape]string{Square{1}: "one", Rect{2, 3}: "six", Celsius(1): "cold"}
	fmt.Println(lit[Square{1}], lit[Rect{2, 3}], lit[Celsius(1)], len(lit))

	fmt.Println(hashBag(counts))
}
