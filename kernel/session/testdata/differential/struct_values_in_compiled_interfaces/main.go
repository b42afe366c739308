// Struct values of the notebook's in interfaces of compiled packages
// (fmt.Stringer, sort.Interface, io.Writer): asserted back, switched on,
// printed with %T, passed to compiled functions that call their methods.
package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Temp struct{ C float64 }

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", t.C) }

// Pair sorts its two names.
type Pair struct{ Names [2]string }

func (p Pair) Len() int           { return 2 }
func (p Pair) Less(i, j int) bool { return p.Names[i] < p.Names[j] }
func (p Pair) Swap(i, j int)      {}

// counter counts what is written through it; a value, so its count is
// in the builder it points to.
type counter struct{ b *strings.Builder }

func (c counter) Write(p []byte) (int, error) { return c.b.Write(p) }

func describe(s fmt.Stringer) string {
	switch v := s.(type) {
	case Point:
		return fmt.Sprintf("a point at x=%d", v.X)
	case Temp:
		return fmt.Sprintf("a temperature of %.0f", v.C)
	default:
		return fmt.Sprintf("something else: %T", v)
	}
}

func main() {
	var s fmt.Stringer = Point{1, 2}
	p, ok := s.(Point)
	fmt.Println(p, ok, p.Y)
	fmt.Printf("%T %v %s\n", s, s, s)
	_, isTemp := s.(Temp)
	fmt.Println("temp?", isTemp)

	stringers := []fmt.Stringer{Point{3, 4}, Temp{21.5}}
	pt := Point{5, 6}
	stringers = append(stringers, pt)
	pt.X = 50 // the interface holds a copy
	for _, x := range stringers {
		fmt.Println(describe(x), x)
	}

	var si sort.Interface = Pair{[2]string{"b", "a"}}
	if pair, ok := si.(Pair); ok {
		fmt.Println("pair", pair.Names, si.Len(), si.Less(0, 1))
	}

	var b strings.Builder
	var w io.Writer = counter{&b}
	fmt.Fprintf(w, "%d-%d", 1, 2)
	fmt.Fprint(counter{&b}, "!")
	c, ok := w.(counter)
	fmt.Println(b.String(), ok, c.b.Len())

	m := map[string]fmt.Stringer{"home": Point{0, 0}}
	if h, ok := m["home"].(Point); ok {
		fmt.Println("home", h.X, h.Y)
	}
}
