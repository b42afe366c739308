// A type alias declared before the type it names, or naming an instance
// of a generic type (type IntCounter = Counter[int]), whose type the
// lowering of generic code writes later: the interpreter resolved the
// alias where it stood, to a type without its methods, and the cell
// failed ("undefined selector: String", "cannot use type main.Counter[int]
// as type main.Incer"), valid Go refused.
package main

import "fmt"

type Celsius = Temp

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Reading = struct{ At int }

type Log = []Reading

func (c Celsius) Double() Celsius { return c * 2 }

type Pair[K comparable, V any] struct {
	K K
	V V
}

type Named = Pair[string, int]

type Counter[T any] int

func (c Counter[T]) Inc() Counter[T] { return c + 1 }

type IntCounter = Counter[int]

type Incer interface{ Inc() IntCounter }

func main() {
	var c Celsius = 21.5
	fmt.Println(c, c.Double())
	var l Log = Log{{1}, {2}}
	fmt.Println(l)
	n := Named{"a", 1}
	fmt.Printf("%v %+v\n", n, n)
	var ic IntCounter
	var i Incer = ic
	fmt.Println(i.Inc(), ic.Inc().Inc())
	fmt.Printf("%T %T\n", c, ic)
}
