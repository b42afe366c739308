// A struct type defined from another (type Employee Person) is a type of
// its own: assertions, type switches and %T tell them apart, and the
// idiom that drops a type's MarshalJSON (type Alias Event inside it)
// does not call MarshalJSON again.
package main

import (
	"encoding/json"
	"fmt"
)

type Person struct {
	Name string
	age  int
}

func (p Person) Greet() string { return "hi " + p.Name }

type Employee Person

type Manager Employee

type Event struct {
	Name string `json:"name"`
	Day  int    `json:"day"`
	note string
}

func (e Event) MarshalJSON() ([]byte, error) {
	type Alias Event
	return json.Marshal(&struct {
		*Alias
		Stamp string `json:"stamp"`
	}{(*Alias)(&e), "today"})
}

func (e *Event) UnmarshalJSON(b []byte) error {
	type Alias Event
	aux := &struct {
		*Alias
		Stamp string `json:"stamp"`
	}{Alias: (*Alias)(e)}
	if err := json.Unmarshal(b, aux); err != nil {
		return err
	}
	e.note = aux.Stamp
	return nil
}

type T1 struct{ x, y int }
type T3 T1

func main() {
	var x any = Person{"ann", 3}
	_, isEmp := x.(Employee)
	_, isPerson := x.(Person)
	fmt.Println(isEmp, isPerson)
	e := Employee{"bob", 4}
	var y any = e
	fmt.Printf("%T %v %+v %#v\n", y, y, y, y)
	for _, v := range []any{x, y, Manager(e)} {
		switch v.(type) {
		case Person:
			fmt.Println("person")
		case Employee:
			fmt.Println("employee")
		case Manager:
			fmt.Println("manager")
		}
	}
	p := Person(e)
	fmt.Println(p.Greet(), Person(Manager(e)).Greet())
	fmt.Println(x == any(Person(e)), y == any(Person(e)), y == any(e))
	b, err := json.Marshal(Event{Name: "launch", Day: 3})
	fmt.Println(string(b), err)
	var ev Event
	fmt.Println(json.Unmarshal([]byte(`{"name":"x","day":2,"stamp":"s"}`), &ev), ev.Name, ev.Day, ev.note)
	evs, _ := json.Marshal([]Event{{Name: "a"}, {Name: "b", Day: 1}})
	fmt.Println(string(evs))
	var i any = new(T1)
	_, ok1 := i.(*T1)
	_, ok3 := i.(*T3)
	fmt.Println(ok1, ok3)
}
