package main

// fmt calls the String and Error methods of the notebook's values inside
// other values (slice elements, map values, exported fields, through
// pointers), and not of those in unexported fields, as Go does.

import (
	"errors"
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

func (p Person) String() string { return fmt.Sprintf("%s: %d", p.Name, p.Age) }

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

type level int

func (l *level) String() string { return fmt.Sprint("L", int(*l)) }

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type shaky struct{}

func (shaky) String() string { panic("shaky") }

type team struct {
	Lead    Person
	members []Person
	Err     error
	e2      codeErr
}

func main() {
	people := []Person{{"Bob", 31}, {"John", 42}, {"Michael", 17}}
	fmt.Println(people)
	sort.Sort(ByAge(people))
	fmt.Println(people)
	fmt.Printf("%v|%+v|%s\n", people[:1], people[:1], people[:1])
	fmt.Println([]*Person{&people[0], nil})
	l := level(3)
	fmt.Println([]*level{&l}, []level{l})
	t := team{people[0], people[1:], codeErr{7}, codeErr{8}}
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Println(map[string]Person{"a": people[0], "b": people[1]})
	fmt.Println([]error{codeErr{1}, errors.New("plain")}, []codeErr{{2}})
	fmt.Println([]shaky{{}})
	fmt.Printf("[%12v]\n", []Person{{"Al", 1}})
	s := fmt.Sprint([][]Person{{{"Deep", 9}}})
	fmt.Println(s)
}
