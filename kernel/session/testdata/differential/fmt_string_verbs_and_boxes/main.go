// fmt calls String and Error for %q, %x and %X too, inside slices, maps
// and structs; other verbs (%d, %c, %t, %e) format the value in an
// interface as it is, and a wrong verb names the value's type.
package main

import (
	"errors"
	"fmt"
)

type state int

func (s state) String() string { return [...]string{"idle", "busy", "done"}[s] }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Grade rune

func (g Grade) String() string { return "grade " + string(g) }

type On bool

func (o On) String() string { return "on?" }

type failure struct{ code int }

func (e failure) Error() string { return fmt.Sprint("failure ", e.code) }

type job struct {
	State   state
	History []state
}

type blob struct {
	name string
	data []byte
	sum  [3]byte
	temp Celsius
}

type point struct{ X, y int }

func main() {
	a := state(1)
	fmt.Printf("%q %x %X %s %v %d\n", a, a, a, a, a, a)
	s := []state{0, 2}
	fmt.Printf("%q %x %X %s %v %d\n", s, s, s, s, s, s)
	m := map[state]state{1: 2}
	fmt.Printf("%q %x %s\n", m, m, m)
	j := job{1, []state{2}}
	fmt.Printf("%q %x %s %v %+v\n", j, j, j, j, j)
	fmt.Printf("%q\n", &j)
	fmt.Printf("%q\n", []failure{{1}})
	fmt.Printf("%10s|%-6v|%6q\n", a, a, a)
	arr := [2]state{1, 2}
	fmt.Printf("%q %x\n", arr, arr)

	var i any = a
	fmt.Printf("%v|%s|%d|%q|%x\n", i, i, i, i, i)
	var st fmt.Stringer = a
	fmt.Printf("%q %x %d\n", st, st, st)
	var c any = Celsius(21.5)
	fmt.Printf("%v %s %08.3f %e %g %q %x\n", c, c, c, c, c, c, c)
	fmt.Printf("%6.2f|%-8v|%d\n", c, c, c)
	var g any = Grade('A')
	fmt.Printf("%c %U %d %v %q\n", g, g, g, g, g)
	var o any = On(true)
	fmt.Printf("%t %v\n", o, o)
	var e any = failure{3}
	fmt.Printf("%d %v %x %q\n", e, e, e, e)
	var err error = failure{4}
	fmt.Printf("%d %v %x %q %s\n", err, err, err, err, err)

	b := blob{"n", []byte("hi"), [3]byte{1, 2, 3}, 3}
	fmt.Printf("%s|%v|%x|%X|%q|%+v\n", b, b, b, b, b, b)
	fmt.Printf("%#x|% x|%+q\n", b, b, b)
	var p any = point{1, 2}
	fmt.Printf("%d %x %v %+v\n", p, p, p, p)
	var none any
	fmt.Printf("%d %q %v\n", none, none, none)
	plain := errors.New("plain")
	fmt.Printf("%q %x\n", plain, plain)
	ms := map[string]any{"a": Celsius(1), "b": Grade('B')}
	fmt.Printf("%q %x %d\n", ms, ms, ms)
	sl := []any{Celsius(2), failure{5}, 7, "s"}
	fmt.Printf("%q %x %d %v\n", sl, sl, sl, sl)
	fmt.Println(fmt.Sprintf("%q", s), fmt.Sprintf("%x", sl))
}
