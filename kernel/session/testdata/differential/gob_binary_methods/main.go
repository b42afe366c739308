// encoding/gob encodes and decodes the notebook's struct types with
// MarshalBinary and UnmarshalBinary methods by the methods, as fields,
// elements and through pointers, and returns a method's error, as Go's
// does (a struct of unexported fields was refused: "has no exported
// fields"); a struct embedding time.Time is its time, as in Go.
package main

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"strings"
	"time"
)

type Point struct{ x, y int }

func (p Point) MarshalBinary() ([]byte, error) { return []byte(fmt.Sprintf("%d,%d", p.x, p.y)), nil }
func (p *Point) UnmarshalBinary(b []byte) error {
	if strings.HasPrefix(string(b), "-") {
		return errors.New("negative point")
	}
	_, err := fmt.Sscanf(string(b), "%d,%d", &p.x, &p.y)
	return err
}

type Event struct {
	Name  string
	At    time.Time
	Where Point
	Path  []Point
	Home  *Point
}

type Stamped struct {
	time.Time
	Label string
}

func main() {
	home := Point{9, 9}
	e := Event{"launch", time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), Point{1, 2}, []Point{{3, 4}, {5, 6}}, &home}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		fmt.Println("encode:", err)
		return
	}
	var got Event
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		fmt.Println("decode:", err)
		return
	}
	fmt.Printf("%s %s %+v %+v %+v\n", got.Name, got.At.Format(time.RFC3339), got.Where, got.Path, *got.Home)
	buf.Reset()
	gob.NewEncoder(&buf).Encode(Point{-1, 2})
	var p Point
	fmt.Println(gob.NewDecoder(&buf).Decode(&p), p)
	buf.Reset()
	s := Stamped{time.Date(2020, 5, 6, 0, 0, 0, 0, time.UTC), "lost"}
	fmt.Println(gob.NewEncoder(&buf).Encode(s))
	var s2 Stamped
	fmt.Println(gob.NewDecoder(&buf).Decode(&s2), s2.Time.Year(), s2.Label == "")
	buf.Reset()
	fmt.Println(gob.NewEncoder(&buf).Encode(Event{Name: "empty", Path: []Point{}, Where: Point{1, 1}}))
	var empty Event
	fmt.Println(gob.NewDecoder(&buf).Decode(&empty), empty.Name, empty.Path, empty.Home, empty.Where)
}
