// json.Marshal, MarshalIndent and an Encoder call the MarshalJSON and
// MarshalText methods of the notebook's struct types inside the value they
// encode: in slices, maps, fields and pointers; a pointer receiver's only
// where the value is addressable, as Go's json does.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", p.X, p.Y)), nil
}

type Temp struct{ C float64 }

func (t *Temp) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, t.C)), nil
}

type Level struct{ n int }

func (l Level) MarshalText() ([]byte, error) { return []byte(strings.Repeat("*", l.n)), nil }

type Bad struct{ why string }

func (b Bad) MarshalJSON() ([]byte, error) { return nil, errors.New(b.why) }

type Shape struct {
	Name   string
	Points []Point
	Center *Point
	Temp   Temp
	Temps  []Temp
	ByName map[string]Point
	Level  Level
	hidden Point
}

func main() {
	s := Shape{Name: "tri", Points: []Point{{0, 0}, {1, 0}, {0, 1}}, Center: &Point{1, 1}, Temp: Temp{20.5}, Temps: []Temp{{1}, {2}},
		ByName: map[string]Point{"a": {5, 6}}, Level: Level{3}, hidden: Point{9, 9}}
	b, err := json.Marshal(s)
	fmt.Println(string(b), err)
	b, err = json.Marshal(&s)
	fmt.Println(string(b), err)
	b, _ = json.Marshal([]Point{{1, 2}})
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(map[string][]Level{"x": {{1}, {2}}}, "", " ")
	fmt.Println(string(b))
	json.NewEncoder(os.Stdout).Encode([]*Temp{{3}, nil})
	_, err = json.Marshal([]Bad{{"no"}})
	fmt.Println(err != nil, errors.Unwrap(err))
	b, _ = json.Marshal(Point{7, 8})
	fmt.Println(string(b))
}
