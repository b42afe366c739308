package main

// fmt prints the fields of the notebook's struct types by their declared
// names (the interpreter renames unexported ones, age to Xage), and prints
// what is in an unexported field without its methods, as Go must.

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

type point struct{ x, y int }

type account struct {
	Owner   string
	balance float64
	history []int
	opened  time.Duration // unexported: printed as a number
	Limit   time.Duration // exported: printed by its String method
	flags   map[string]bool
	origin  point
}

type inner struct{ level int8 }

type outer struct {
	inner
	Name  string
	ratio float32
	c     complex64
}

type Box struct {
	Xmin, Xmax int // exported names that look like renamed ones
	label      string
}

type stack[T any] struct {
	items []T
	top   int
}

func main() {
	p := point{1, 2}
	fmt.Printf("%v|%+v|%#v\n", p, p, p)
	fmt.Println(p, &p, []point{{3, 4}, {5, 6}}, map[string]point{"b": {7, 8}, "a": {9, 10}})
	fmt.Printf("%+v %+v\n", &p, []*point{nil})
	fmt.Printf("%#v\n", []point{{1, 2}})
	fmt.Printf("%#v\n", map[int]point{2: {0, 1}, 1: {1, 0}})
	fmt.Printf("[%6v] [%-4v] [%+3v]\n", p, p, p)
	fmt.Print(p, p, "\n")
	fmt.Print("x", p, "\n")

	a := account{Owner: "ann", balance: 12.5, history: []int{1, -2}, opened: 3 * time.Second,
		Limit: time.Minute, flags: map[string]bool{"vip": true, "frozen": false}, origin: point{4, 5}}
	fmt.Printf("%v\n%+v\n", a, a)
	fmt.Printf("%#v\n", a.origin)
	fmt.Println(fmt.Sprint(a) == fmt.Sprintf("%v", a), strings.Contains(fmt.Sprintf("%+v", a), "balance:12.5"))

	o := outer{inner{3}, "o", 0.1, complex(1, 2)}
	fmt.Printf("%v %+v\n", o, o)
	fmt.Printf("%#v\n", o)

	b := Box{Xmin: 1, Xmax: 9, label: "b"}
	fmt.Printf("%+v %#v\n", b, b)

	s := stack[string]{items: []string{"a", "b"}, top: 2}
	fmt.Printf("%+v\n", s)

	anon := struct {
		name string
		n    int
	}{"anon", 3}
	fmt.Printf("%v %+v %#v\n", anon, anon, anon)

	var nilPoint *point
	fmt.Printf("%v %+v\n", nilPoint, nilPoint)
	fmt.Println(fmt.Sprintf("%+v", []point{}), fmt.Sprintf("%v", map[string]point(nil)))

	l := log.New(os.Stdout, "log: ", 0)
	l.Println(p, a.origin)
	l.Printf("%+v", p)
	fmt.Println(fmt.Errorf("at %+v: %w", p, errors.New("fail")))
	fmt.Printf("%d %x %s\n", p, p, p)
}
