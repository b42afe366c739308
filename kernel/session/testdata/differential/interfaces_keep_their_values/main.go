// A value put into an interface is a copy: running the code that made it
// again, or assigning the variable it came from, must not change it.
package main

import (
	"container/heap"
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }

type Size int

func (s Size) Area() float64      { return float64(s) }
func (s Size) String() string     { return fmt.Sprintf("size %d", int(s)) }
func (s *Size) Grow()             { *s++ }
func newCircle(r float64) *Circle { return &Circle{r} }

type codeErr struct{ code int }

func (e *codeErr) Error() string { return fmt.Sprintf("code %d", e.code) }

type holder struct {
	shape Shape
	err   error
}

type ints []int

func (h ints) Len() int           { return len(h) }
func (h ints) Less(i, j int) bool { return h[i] < h[j] }
func (h ints) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ints) Push(x any)        { *h = append(*h, x.(int)) }
func (h *ints) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func areas(shapes []Shape) string {
	var parts []string
	for _, s := range shapes {
		parts = append(parts, fmt.Sprint(s.Area()))
	}
	return strings.Join(parts, " ")
}

func shapeOf(r float64) Shape { return &Circle{r} }

func main() {
	// append in a loop: pointers, values, calls, named basic types.
	var shapes []Shape
	for _, r := range []float64{1, 2, 3} {
		shapes = append(shapes, &Circle{r})
	}
	for _, r := range []float64{1, 2, 3} {
		shapes = append(shapes, newCircle(r), Size(r))
	}
	var sq Square
	for _, r := range []float64{4, 5} {
		sq.S = r
		shapes = append(shapes, sq)
	}
	fmt.Println(areas(shapes))

	// A variable assigned after the conversion.
	size := Size(1)
	var s Shape = size
	size = 2
	var t Shape
	t = size
	size.Grow()
	fmt.Println(s.Area(), t.Area(), size.Area())

	// Indexes, maps, channels, struct fields, composite literals, returns.
	byIndex := make([]Shape, 3)
	byName := map[string]Shape{}
	ch := make(chan Shape, 3)
	var held []holder
	var lits [][]Shape
	var made []Shape
	var p *Circle
	for i := 0; i < 3; i++ {
		p = &Circle{float64(i)}
		byIndex[i] = p
		byName[fmt.Sprint(i)] = p
		ch <- p
		held = append(held, holder{shape: p, err: &codeErr{i}})
		lits = append(lits, []Shape{p, Size(i)})
		made = append(made, shapeOf(float64(i)))
	}
	close(ch)
	var fromChan []Shape
	for s := range ch {
		fromChan = append(fromChan, s)
	}
	fmt.Println(areas(byIndex), "|", areas([]Shape{byName["0"], byName["1"], byName["2"]}), "|", areas(fromChan), "|", areas(made))
	for _, h := range held {
		fmt.Print(h.shape.Area(), " ", h.err, "; ")
	}
	for _, l := range lits {
		fmt.Print(areas(l), "; ")
	}
	fmt.Println()

	// Compiled interfaces: error, fmt.Stringer, sort.Interface, heap.Interface.
	var errs []error
	var names []fmt.Stringer
	var e *codeErr
	var n Size
	for i := 0; i < 3; i++ {
		e = &codeErr{i}
		errs = append(errs, e)
		n = Size(i)
		names = append(names, n)
	}
	fmt.Println(errors.Join(errs...), names[0], names[1], names[2])
	h := &ints{5, 2, 8}
	heap.Init(h)
	for _, x := range []int{7, 1, 9} {
		heap.Push(h, x)
	}
	var popped []int
	for h.Len() > 0 {
		popped = append(popped, heap.Pop(h).(int))
	}
	xs := ints{3, 1, 2}
	sort.Sort(xs)
	fmt.Println(popped, xs)

	// Goroutines passing interfaces through a channel, one value each.
	results := make(chan Shape)
	for i := 1; i <= 3; i++ {
		go func(r float64) {
			c := &Circle{r}
			results <- c
		}(float64(i))
	}
	total := 0.0
	for i := 0; i < 3; i++ {
		total += (<-results).Area()
	}
	fmt.Println(total)
}
