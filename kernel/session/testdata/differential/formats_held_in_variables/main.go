// Formats held in variables (a table of formats tried on each value, a
// helper that takes a format and forwards it, as a lesson on fmt's verbs
// writes them): the cell cannot tell which verb formats an operand, and
// %d or %#v of a struct with String, of a named slice with String, or of
// an error holding one of the notebook's structs printed the
// interpreter's wrapper (std._fmt_Stringer{...}, {{%!d(string=x)}
// 5135136}, interp._error{...}).
package main

import (
	"errors"
	"fmt"
)

type Level int

func (l Level) String() string { return "L" + fmt.Sprint(int(l)) }

type Names []string

func (n Names) String() string { return fmt.Sprint(len(n), " names") }

type Tags map[string]bool

func (t Tags) String() string { return fmt.Sprint(len(t), " tags") }

type Status string

func (s Status) String() string { return "status:" + string(s) }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Counter struct{ n int }

func (c *Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }

type NotFound struct{ key string }

func (e NotFound) Error() string { return "not found: " + e.key }

type plain struct{ a int }

func show(format string, args ...any) { fmt.Printf(format, args...) }

func main() {
	formats := []string{"%v|", "%d|", "%#v|", "%s|", "%T|", "%+v|", "%q|"}
	for _, f := range formats {
		fmt.Printf(f, Point{1, 2})
		fmt.Printf(f, &Counter{3})
		fmt.Printf(f, Names{"a", "b"})
		fmt.Printf(f, Tags{"x": true})
		fmt.Printf(f, Status("ok"))
		fmt.Printf(f, NotFound{"k"})
		fmt.Printf(f, Level(2))
		fmt.Println()
	}
	var err error = NotFound{"x"}
	var st fmt.Stringer = Level(1)
	for _, f := range []string{"%v %v\n", "%d %d\n", "%#v %#v\n", "%T %T\n"} {
		fmt.Printf(f, err, st)
	}
	vals := []any{Level(2), Names{"a"}, Point{1, 2}, plain{4}, nil, errors.New("e")}
	for _, v := range vals {
		show("%v / %d / %#v\n", v, v, v)
	}
	fmt.Print(fmt.Sprintf(formats[2], Names{"z"}), "\n")
}
