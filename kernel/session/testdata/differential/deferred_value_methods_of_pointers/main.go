// A deferred call of a value method through a pointer, or through an
// embedded pointer: Go copies the receiver at the defer ("100 Go
// Mistakes", #47, on defer's evaluation of receivers). The interpreter
// read it when the call ran: defer p.print() printed what p held at the
// function's end ("bar" for Go's "foo"), and a nil p panicked at the end
// instead of at the defer. Also == of two interfaces holding a struct
// that cannot be compared (#29), whose runtime error named the
// interpreter's struct type.
package main

import "fmt"

type Note struct{ id string }

func (n Note) print()   { fmt.Println("value:", n.id) }
func (n *Note) pprint() { fmt.Println("pointer:", n.id) }

type Outer struct {
	*Note
	n int
}

type Ledger struct {
	name string
	ops  []float64
}

func main() {
	func() {
		s := Note{id: "foo"}
		p := &Note{id: "foo"}
		defer s.print()
		defer p.print()
		defer p.pprint()
		s.id, p.id = "bar", "bar"
	}()
	func() {
		o := Outer{Note: &Note{id: "in"}}
		defer o.print()
		o.id = "changed"
		po := &o
		defer po.print()
		po.Note = &Note{id: "replaced"}
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var np *Note
		defer np.print()
		fmt.Println("not reached")
	}()
	for _, id := range []string{"a", "b"} {
		func() {
			p := &Note{id: id}
			defer p.print()
			p.id += "!"
		}()
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var a any = Ledger{"x", []float64{1}}
		var b any = Ledger{"x", []float64{1}}
		fmt.Println(a == b)
	}()
}
