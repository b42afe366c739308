// fmt prints a value held by one of the program's interfaces, or by an
// any, as the value itself, by its String or Error method if it has one,
// in a slice, a map or a struct field too, and spread into a print; and a
// pointer whose Error method has a pointer receiver by that method.
package main

import (
	"fmt"
	"log"
	"os"
)

type Shape interface{ Area() float64 }

type Circle struct{ r float64 }

func (c Circle) Area() float64 { return 3 * c.r * c.r }

type Square struct{ S float64 }

func (s *Square) Area() float64  { return s.S * s.S }
func (s *Square) String() string { return fmt.Sprintf("square %g", s.S) }

type Job interface{ Run() error }

type job struct {
	id   int
	name string
}

func (j job) Run() error { return nil }

type failure struct{ code int }

func (f *failure) Error() string { return fmt.Sprint("failure ", f.code) }

type drawing struct {
	title  string
	shapes []Shape
	main   Shape
}

func main() {
	var s Shape = Circle{1}
	fmt.Println(s)
	fmt.Printf("%v %+v %#v\n", s, s, s)
	shapes := []Shape{Circle{2}, &Square{3}, nil}
	fmt.Println(shapes, len(shapes))
	fmt.Printf("%v|%+v|%s\n", shapes, shapes, shapes[1])
	byName := map[string]Shape{"c": Circle{4}, "s": &Square{5}}
	fmt.Println(byName)
	d := drawing{"d", []Shape{Circle{5}}, Circle{6}}
	fmt.Printf("%v\n%+v\n", d, d)
	jobs := []Job{job{1, "a"}, job{2, "b"}}
	fmt.Println(jobs)
	fmt.Print(jobs[0], "\n")
	fmt.Println(fmt.Sprint(s), fmt.Sprintln(shapes[0]))
	err := &failure{7}
	fmt.Println(err)
	fmt.Printf("%v %s\n", err, err)
	var e error = err
	fmt.Println(e, []error{err})
	items := []any{Circle{7}, &Square{8}, 3, "s", job{3, "c"}}
	fmt.Println(items...)
	fmt.Println(items, map[string]any{"sq": &Square{9}})
	l := log.New(os.Stdout, "log: ", 0)
	l.Println(shapes[:2])
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Println(err, shapes[1])
}
