// encoding/gob encodes and decodes the notebook's interfaces, in slices,
// maps, arrays, pointers and fields, as Go's does: registered types
// decoded into them have their methods (the interpreter's box is a
// struct gob could neither encode as an interface nor set).
package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

type Shape interface{ Area() float64 }
type Namer interface{ Name() string }

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Celsius float64

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }
func (c Celsius) Name() string  { return fmt.Sprintf("%.1f°C", float64(c)) }

type Drawing struct {
	Title  string
	Shapes []Shape
	ByName map[string]Namer
	Best   Namer
	Ptr    *Shape
	Arr    [2]Shape
}

func main() {
	gob.Register(Rect{})
	gob.Register(&Circle{})
	gob.Register(Celsius(0))
	var s Shape = Rect{1, 1}
	d := Drawing{
		Title:  "d",
		Shapes: []Shape{Rect{2, 3}, &Circle{1}, nil},
		ByName: map[string]Namer{"r": Rect{1, 2}, "t": Celsius(21.5), "c": &Circle{2}},
		Best:   Celsius(-3),
		Ptr:    &s,
		Arr:    [2]Shape{&Circle{3}},
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(d); err != nil {
		fmt.Println("encode:", err)
		return
	}
	var got Drawing
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		fmt.Println("decode:", err)
		return
	}
	fmt.Println(got.Title, len(got.Shapes))
	for _, s := range got.Shapes {
		if s == nil {
			fmt.Println("nil shape")
			continue
		}
		fmt.Printf("%T %v %.1f\n", s, s, s.Area())
	}
	for _, k := range []string{"c", "r", "t"} {
		n := got.ByName[k]
		fmt.Printf("%s %T %s\n", k, n, n.Name())
	}
	fmt.Println(got.Best.Name(), (*got.Ptr).Area(), got.Arr[0].Area(), got.Arr[1] == nil)
	if c, ok := got.Shapes[1].(*Circle); ok {
		fmt.Println("circle", c.R)
	}
	var sh Shape
	buf.Reset()
	enc := gob.NewEncoder(&buf)
	fmt.Println(enc.Encode(&Drawing{Best: Rect{5, 5}}))
	var back Drawing
	back.Title = "kept"
	fmt.Println(gob.NewDecoder(&buf).Decode(&back), back.Title, back.Best.Name())
	_ = sh
}
