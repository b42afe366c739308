// A value of a named slice, map or array type of the notebook's types
// with String methods (type Temps []Celsius), handed on as an interface
// (func show(x any) { fmt.Println(x) }), prints its elements with their
// methods, as Go does: [1.0°C 2.0°C], not [1 2]; so does one in a field
// or an element of an interface type. The box the interpreter
// puts it in names the type, whose shape is registered with it.
package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Temps []Celsius

type ByRoom map[string]Celsius

type Week [3]Celsius

type Level int

func (l Level) String() string { return strings.Repeat("*", int(l)) }

type Levels []Level

type Labelled struct {
	Label string
	V     any
}

func show(x any) { fmt.Println(x) }

func showf(format string, xs ...any) { fmt.Printf(format, xs...) }

func main() {
	ts := Temps{1, 2}
	show(ts)
	show(ByRoom{"kitchen": 21})
	show(Week{1, 2, 3})
	show(Levels{1, 3})
	showf("%v|%s|%+v\n", ts, ts, Levels{2})
	var items []any = []any{ts, Week{4}}
	fmt.Println(items...)
	fmt.Println(fmt.Sprint(any(ts)), fmt.Sprintf("%v", any(ByRoom{"hall": 18})))
	l := Labelled{"t", ts}
	fmt.Printf("%v %+v\n", l, l)
	fmt.Println(map[string]any{"w": Week{5}}, []any{Levels{1}})
}
