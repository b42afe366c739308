// A slice or a map of the notebook's named types that are not structs
// ([]Celsius, map[Code]string) in an empty interface prints as Go prints
// it. To reflect, a []Celsius is a []float64, and the interpreter puts no
// box naming its type around it in an interface: a []Celsius handed to
// func show(v any) printed [21.5 30] for Go's [21.5°C 30.0°C], and %T
// said []float64.
package main

import (
	"fmt"
	"sort"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Code int

func show(v any) { fmt.Println(v) }

func showAll(vs ...any) { fmt.Println(vs...) }

func describe(v any) string { return fmt.Sprintf("%v (%T)", v, v) }

func boxed() any { return []Celsius{7} }

type Box struct{ V any }

type Reading struct {
	Temps []Celsius
}

func main() {
	temps := []Celsius{21.5, 30}
	fmt.Println(temps)
	show(temps)
	show(temps[0])
	showAll(temps, Celsius(3))
	show(map[string]Celsius{"in": 20})
	show(Reading{temps})
	var a any = temps
	fmt.Printf("%v %T\n", a, a)

	items := []any{temps, map[Code]string{1: "one"}, [][]Celsius{{1}, {2, 3}}}
	for _, it := range items {
		fmt.Println(describe(it))
	}
	fmt.Println(describe(boxed()))
	m := map[string]any{"t": temps}
	fmt.Println(m)
	ch := make(chan any, 1)
	ch <- temps[1:]
	fmt.Println(describe(<-ch))
	b := Box{temps}
	fmt.Printf("%v %+v\n", b, b)
	sorted := []Celsius{3, 1, 2}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	fmt.Println(describe(sorted))
	switch x := a.(type) {
	case []Celsius:
		fmt.Println("a []Celsius of", len(x))
	}
	fmt.Println(describe(append(temps, 5)))
}
