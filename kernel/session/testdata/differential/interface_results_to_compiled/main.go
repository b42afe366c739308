// Values of the notebook's named types returned in an interface and handed
// straight to compiled code: printed, formatted with %T, given to
// strings.ToUpper through fmt.Sprint.
package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type ID int

type Shape interface{ Area() float64 }

type Square float64

func (s Square) Area() float64  { return float64(s * s) }
func (s Square) String() string { return fmt.Sprintf("square of side %g", float64(s)) }

func reading() any { return Celsius(21.5) }

func lookup(name string) any {
	if name == "admin" {
		return ID(1)
	}
	return name
}

func largest() Shape { return Square(3) }

type Cache struct{ values map[string]any }

func (c Cache) Get(k string) any { return c.values[k] }

func main() {
	fmt.Println(reading())
	fmt.Printf("%T %v %s\n", reading(), reading(), reading())
	fmt.Printf("%T %v, %T %v\n", lookup("admin"), lookup("admin"), lookup("bob"), lookup("bob"))
	fmt.Println(largest(), largest().Area())
	fmt.Printf("%T\n", largest())

	c := Cache{map[string]any{"temp": Celsius(-3), "id": ID(7)}}
	fmt.Println(c.Get("temp"), c.Get("id"))
	fmt.Printf("%T %T\n", c.Get("temp"), c.Get("id"))

	next := func() any { return Celsius(0) }
	fmt.Println(strings.ToUpper(fmt.Sprint(next())), fmt.Sprintf("%v|%T", next(), next()))
}
