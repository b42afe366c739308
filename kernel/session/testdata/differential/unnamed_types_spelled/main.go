// %T and a failed assertion's panic spell unnamed types as Go's reflect
// and runtime do: struct { P main.point }, interface { Area() float64 },
// []uint8, with unexported fields and methods of interfaces as declared.
package main

import "fmt"

type point struct{ x, y int }

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func main() {
	v := struct {
		P point
		n int
	}{}
	fmt.Printf("%T\n", v)
	fmt.Printf("%T\n", []struct{ P point }{})
	fmt.Printf("%T\n", map[string]interface{ M() }{})
	fmt.Printf("%T\n", func(point, ...byte) (rune, error) { return 0, nil })
	fmt.Printf("%T\n", (*interface {
		Shape
		Name() string
	})(nil))
	var x any = struct{ A, B int }{}
	fmt.Printf("%T %v\n", x, x)
	fmt.Printf("%T\n", [2]chan<- point{})
	fmt.Printf("%T\n", struct {
		a int `json:"a"`
	}{})
	fmt.Printf("%T %T %T\n", []any{}, []byte("x"), struct{}{})
	defer func() { fmt.Println(recover()) }()
	var s Shape = Sq{2}
	_ = s.(interface{ Perimeter() float64 })
}
