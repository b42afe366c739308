// A value converted to one of the notebook's interfaces and used at once
// as a method's receiver, Shape(&Sq{2}).Area(), calls the method: the cell
// panicked with "invalid interface value {2}" (Go's
// test/fixedbugs/issue57309.go).
package main

import "fmt"

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q *Sq) Area() float64 { return q.s * q.s }

type Circle struct{ r float64 }

func (c Circle) Area() float64 { return 3 * c.r * c.r }

func main() {
	fmt.Println(Shape(&Sq{2}).Area())
	fmt.Println(Shape(Circle{1}).Area())
	func() {
		fmt.Println(Shape(&Sq{3}).Area())
	}()
	area := Shape(Circle{3}).Area
	fmt.Println(area())
	f := Shape.Area
	fmt.Println(f(Circle{2}))
	fmt.Println(fmt.Stringer(nil) == nil)
}
