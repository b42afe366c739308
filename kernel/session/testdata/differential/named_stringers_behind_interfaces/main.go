// A struct printed through one of the notebook's interfaces, in a
// notebook where a named type that is not a struct, implementing that
// interface, has a String method (type Square float64): every float64 of
// the struct printed by the Square's String ({Square(1) Square(2)} for a
// Pt{1, 2}, &{Square(2) Square(3)} for a *Rect), silently. The hook knew
// the Square by its reflect type, float64; it knows it by its box now,
// and by its place among a struct's registered fields. (Found by a shapes
// program sorted by area, written after the classic interface lesson.)
package main

import "fmt"

type Shape interface{ Area() float64 }
type Square float64
type Meters float64
type Pt struct{ X, Y float64 }
type Holder struct {
	S Square
	M Meters
	F float64
}

func (s Square) Area() float64  { return float64(s * s) }
func (s Square) String() string { return fmt.Sprintf("Square(%g)", float64(s)) }
func (p Pt) Area() float64      { return 0 }
func (h Holder) Area() float64  { return 1 }

func main() {
	shapes := []Shape{Square(2), Pt{1, 2}, Holder{3, 4, 5}}
	for _, s := range shapes {
		fmt.Printf("%v | %+v | %#v | %T\n", s, s, s, s)
	}
	var any1 any = Holder{1, 2, 3}
	fmt.Printf("%v %#v\n", any1, any1)
	fmt.Println([]any{Square(1), 1.5, Meters(2)})
	fmt.Printf("%#v\n", []any{Square(1), 1.5, Meters(2)})
}
