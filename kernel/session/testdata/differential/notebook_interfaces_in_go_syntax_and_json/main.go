// The notebook's own interfaces where %#v and json meet them (after
// tmrts/go-patterns' chain of responsibility, whose handlers hold the next
// one in a field of an interface type, printed with %#v to see the
// chain): a nil one is main.Handler(nil), a slice of them []main.Handler.
// To reflect, every interface with methods a cell declares is the
// interpreter's one struct: %#v printed <nil> and
// []interp.valueInterface{...}, json wrote {} for a nil one, and decoding
// an object into one succeeded, silently, where Go cannot know what to
// make.
package main

import (
	"encoding/json"
	"fmt"
)

type Handler interface{ Handle(n int) string }

type Any interface{}

type Zero struct{ next Handler }

func (z Zero) Handle(n int) string {
	if n == 0 {
		return "zero"
	}
	return z.next.Handle(n)
}

type Positive struct{ next Handler }

func (p Positive) Handle(n int) string { return "positive" }

type Rect struct{ W, H float64 }

func (r *Rect) Handle(int) string { return "rect" }

type Chain struct {
	First    Handler
	All      []Handler
	ByName   map[string]Handler
	Note     Any
	fallback *Handler
}

type Handlers []Handler

type Pair[T any] struct {
	V T
	H Handler
}

func main() {
	z := Zero{Positive{}}
	fmt.Println(z.Handle(0), z.Handle(3))
	fmt.Printf("%#v\n", z)
	c := Chain{All: []Handler{z, nil}, ByName: map[string]Handler{"none": nil}}
	fmt.Printf("%#v\n", c)
	fmt.Printf("%v|%+v\n", c, c)
	fmt.Printf("%#v %#v\n", Handlers{nil}, Pair[int]{V: 1})
	var n Any
	fmt.Printf("%#v %#v %#v\n", n, []Any{nil, 2}, map[Handler]int{Positive{}: 1})
	local := struct{ H Handler }{}
	fmt.Printf("%#v %#v\n", local, [2]Handler{})

	b, err := json.Marshal(Chain{All: []Handler{nil, &Rect{1, 2}}})
	fmt.Println(string(b), err)
	var into Chain
	fmt.Println(json.Unmarshal([]byte(`{"First":{"W":1}}`), &into))
	fmt.Println(json.Unmarshal([]byte(`{"All":[{"W":1}]}`), &into))
	fmt.Println(json.Unmarshal([]byte(`{"First":null}`), &into), into.First == nil)
	into.First = &Rect{}
	fmt.Println(json.Unmarshal([]byte(`{"First":{"W":3,"H":4}}`), &into), *into.First.(*Rect))
	var h Handler
	fmt.Println(json.Unmarshal([]byte(`"x"`), &h))
	var outer struct{ In Chain }
	fmt.Println(json.Unmarshal([]byte(`{"In":{"ByName":{"a":1}}}`), &outer))
}
