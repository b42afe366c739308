// Type aliases declared inside functions: the interpreter declares none,
// so each is written out where it is used.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Point struct{ X, Y int }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Money int64

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m/100, m%100) }

func counts(words []string) []Pair[string, int] {
	type entry = Pair[string, int]
	seen := map[string]int{}
	for _, w := range words {
		seen[w]++
	}
	var out []entry
	for w, n := range seen {
		out = append(out, entry{w, n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	type result = []U
	out := make(result, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	type (
		grid  = [][]int
		pt    = Point
		ptr   = *Point
		fn    = func(int) int
		rch   = <-chan int
		b     = strings.Builder
		set   = map[string]struct{}
		price = Pair[Money, []Money]
		lock  = sync.Mutex
	)
	type row = []pt
	type alsoPtr = ptr
	g := grid{{1, 2}, {3}}
	fmt.Println(g, len(g))
	p := pt{1, 2}
	var q ptr = &p
	q.X = 5
	fmt.Println(p, *q, ptr(nil) == nil, alsoPtr(q) == q)
	var double fn = func(x int) int { return 2 * x }
	fmt.Println(double(4), fn(nil) == nil)
	c := make(chan int, 1)
	c <- 7
	var r rch = c
	fmt.Println(<-r)
	chans := []chan rch{make(chan rch, 1)}
	chans[0] <- r
	fmt.Println(len(chans[0]))
	var sb b
	sb.WriteString("hi")
	fmt.Println(sb.String())
	s := set{"a": {}}
	_, ok := s["a"]
	fmt.Println(ok, len(s))
	e := price{150, []Money{2, 3}}
	fmt.Println(e)
	fmt.Printf("%v %+v %T %T\n", e, row{{1, 2}}, row{}, e)
	var mu lock
	mu.Lock()
	mu.Unlock()
	var x any = p
	switch v := x.(type) {
	case ptr:
		fmt.Println("ptr", v)
	case pt:
		fmt.Println("pt", v)
	}
	f := func(ps ...pt) int {
		type many = []pt
		return len(many(ps))
	}
	fmt.Println(f(p, p))
	type local struct{ n int }
	type loc = local
	fmt.Printf("%+v %T\n", loc{3}, loc{})
	fmt.Println(counts(strings.Fields("b a b c a b")))
	fmt.Println(Map([]int{1, 2}, func(i int) Money { return Money(i * 150) }))
	var lines = func() []string {
		type lines = []string
		return lines{"x", "y"}
	}()
	fmt.Println(lines)
}
