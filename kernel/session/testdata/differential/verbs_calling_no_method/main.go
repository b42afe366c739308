// Verbs that call no String or Error method (%d, %t, %#v) format the
// value itself, or say it is the wrong verb for it, naming its type as Go
// does: the interpreter handed fmt its wrapper of the value.
package main

import (
	"fmt"
	"time"
)

type level int

func (l level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type ID string

func (i ID) String() string { return "id-" + string(i) }

type Flags uint8

func (f Flags) String() string { return fmt.Sprintf("flags(%08b)", uint8(f)) }

type Person struct {
	Name string
	age  int
}

func (p Person) String() string { return fmt.Sprintf("%s(%d)", p.Name, p.age) }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprint("code ", e.code) }

func main() {
	l := level(2)
	c := Celsius(21.5)
	fmt.Printf("%v %d %03d %x %q %s|\n", l, l, l, l, l, l)
	fmt.Printf("%v %f %5.1f %e %g %d|\n", c, c, c, c, c, c)
	fmt.Printf("%v %s %q %x %d|\n", ID("a"), ID("a"), ID("a"), ID("a"), ID("a"))
	fmt.Printf("%v %b %o %d %x|\n", Flags(5), Flags(5), Flags(5), Flags(5), Flags(5))
	fmt.Printf("%d %v %.1f\n", time.Second, time.Second, (time.Duration(1500) * time.Millisecond).Seconds())
	fmt.Printf("%d %v\n", []level{0, 1}, []level{0, 1})
	fmt.Printf("%d %v\n", map[level]int{1: 2}, map[level]int{1: 2})
	fmt.Printf("%t %v\n", l, true)
	p := Person{"A", 3}
	fmt.Printf("%v %#v|%T %#v|%s %+v %#v %d\n", p, p, p, p, p, p, p, p)
	e := &E{4}
	var err error = e
	fmt.Printf("%v %#v %+v %d\n", err, err, e, e)
}
