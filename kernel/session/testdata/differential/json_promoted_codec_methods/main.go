// json and a struct embedding a type with codec methods, or a compiled
// struct after its first field ("100 Go Mistakes", #77: an Event
// embedding a time.Time). In Go the struct has the embedded type's
// MarshalJSON and UnmarshalJSON, so json encodes an Event as its time
// alone; the cell panicked ("reflect: embedded type with methods not
// implemented if type is not first field"), and a struct embedding a
// notebook type with MarshalJSON was encoded field by field
// ({"Name":"o","Inner":"inner-7"} for Go's "inner-7"). A compiled struct
// embedded after the first field (image.Point) has its fields promoted:
// {"Z":1,"X":2,"Y":3}.
package main

import (
	"encoding/json"
	"fmt"
	"image"
	"strings"
	"time"
)

type Event struct {
	ID int
	time.Time
}

type Stamped struct {
	ID   int
	Time time.Time
}

type Custom struct {
	ID int
	time.Time
}

func (c Custom) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID   int
		Time time.Time
	}{c.ID, c.Time})
}

type Inner struct{ V int }

func (i Inner) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`"inner-%d"`, i.V)), nil }

func (i *Inner) UnmarshalJSON(b []byte) error {
	_, err := fmt.Sscanf(strings.Trim(string(b), `"`), "inner-%d", &i.V)
	return err
}

type Outer struct {
	Name string
	Inner
}

type OuterPtr struct {
	Name string
	*Inner
}

type Spot struct {
	Z int
	image.Point
}

type Timed struct {
	Label string
	time.Duration
}

type Upper string

func (u Upper) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(u))), nil }

type Labelled struct {
	N int
	Upper
}

type Board struct {
	A Inner
	B Outer
	C []Outer
	D map[string]Spot
}

func main() {
	show := func(v any) {
		b, err := json.Marshal(v)
		fmt.Println(string(b), err)
	}
	when := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	show(Event{1234, when})
	show(Stamped{1234, when})
	show(Custom{1234, when})
	show([]Event{{1, when}})
	show(Outer{"o", Inner{7}})
	show(OuterPtr{"p", &Inner{8}})
	show(Spot{1, image.Pt(2, 3)})
	show(Timed{"t", time.Second})
	show(Labelled{1, "hi"})
	show(Board{Inner{1}, Outer{"b", Inner{2}}, []Outer{{"c", Inner{3}}}, map[string]Spot{"k": {4, image.Pt(5, 6)}}})

	var e Event
	err := json.Unmarshal([]byte(`"2025-01-02T03:04:05Z"`), &e)
	fmt.Println(e.ID, e.Year(), e.Month(), err)
	var o Outer
	err = json.Unmarshal([]byte(`"inner-42"`), &o)
	fmt.Println(o.Name == "", o.V, err)
	var b Board
	err = json.Unmarshal([]byte(`{"A":"inner-1","B":"inner-2","C":["inner-3"],"D":{"k":{"Z":1,"X":5,"Y":6}}}`), &b)
	fmt.Println(b.A.V, b.B.V, b.C[0].V, b.D["k"], b.D["k"].Z, err)
	var s Spot
	err = json.Unmarshal([]byte(`{"Z":1,"X":5,"Y":6}`), &s)
	fmt.Println(s, s.Z, err)
}
