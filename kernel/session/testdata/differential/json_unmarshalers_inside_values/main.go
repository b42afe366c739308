// json.Unmarshal calls UnmarshalJSON methods inside the value it decodes
// into (a struct's fields, slices, maps, pointers), keeps what the input
// does not mention, and stops where a method fails, as Go's json does.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

func (c *Celsius) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return errors.New("celsius: want a string")
	}
	var f float64
	_, err := fmt.Sscanf(s, "%fC", &f)
	*c = Celsius(f)
	return err
}

type Point struct{ X, Y int }

func (p *Point) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	p.X, p.Y = a[0], a[1]
	return nil
}

func (p Point) MarshalJSON() ([]byte, error) { return json.Marshal([2]int{p.X, p.Y}) }

type Reading struct {
	At    time.Duration `json:"at"`
	Temp  Celsius       `json:"temp"`
	Where Point         `json:"where"`
	Path  []Point       `json:"path,omitempty"`
	note  string
}

type Status string

type Report struct {
	Readings []Reading
	ByName   map[string]Celsius
	Status   Status
}

func main() {
	r := Report{
		Readings: []Reading{{1, 21.5, Point{1, 2}, []Point{{3, 4}}, "x"}, {2, -3, Point{}, nil, ""}},
		ByName:   map[string]Celsius{"a": 1},
		Status:   "ok",
	}
	b, err := json.MarshalIndent(r, "", " ")
	fmt.Println(string(b), err)
	var back Report
	err = json.Unmarshal(b, &back)
	fmt.Printf("%v %+v\n", err, back)
	err = json.Unmarshal([]byte(`{"Readings":[{"temp":5}]}`), &back)
	fmt.Printf("%v %+v\n", err, back)
	var ps []*Point
	fmt.Println(json.Unmarshal([]byte(`[[1,2],null,[5,6]]`), &ps), len(ps), *ps[0], ps[1], *ps[2])
}
