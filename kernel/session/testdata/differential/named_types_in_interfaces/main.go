// Named types that are not structs (type Celsius float64), in an any, in
// the notebook's interfaces and in an error: what the Tour of Go's
// interface lessons print.
package main

import (
	"fmt"
	"math"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type MyFloat float64

func (f MyFloat) Abs() float64 { return math.Abs(float64(f)) }

type Abser interface{ Abs() float64 }

type Weekday int

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type ErrNegative float64

func (e ErrNegative) Error() string { return fmt.Sprint("negative: ", float64(e)) }

type IPAddr [4]byte

func (ip IPAddr) String() string { return fmt.Sprintf("%v.%v.%v.%v", ip[0], ip[1], ip[2], ip[3]) }

type Tags []string

func (t Tags) Abs() float64 { return float64(len(t)) }

func describe(i interface{}) { fmt.Printf("(%v, %T)\n", i, i) }

// classify tells the named types from the types under them.
func classify(x any) string {
	switch v := x.(type) {
	case float64:
		return fmt.Sprint("float64 ", v)
	case MyFloat:
		return fmt.Sprint("MyFloat ", v.Abs())
	case Celsius:
		return "Celsius " + v.String()
	case int:
		return "int"
	case Weekday:
		return "Weekday " + v.String()
	case []string:
		return "strings"
	case Tags:
		return "Tags"
	}
	return "other"
}

func sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegative(x)
	}
	return math.Sqrt(x), nil
}

func main() {
	describe(MyFloat(1.5))
	describe(Celsius(21))
	describe(Weekday(1))
	describe(IPAddr{10, 0, 0, 1})
	describe(42)
	describe(2.5)

	var a Abser = MyFloat(-2)
	fmt.Printf("%v %T %.1f\n", a, a, a.Abs())
	a = Tags{"x", "y"}
	fmt.Printf("%v %T %.1f\n", a, a, a.Abs())

	_, err := sqrt(-4)
	fmt.Printf("%v | %T\n", err, err)

	xs := []any{Celsius(3), Weekday(2), MyFloat(7), 7.0, "s", IPAddr{1, 2, 3, 4}}
	fmt.Println(xs...)
	fmt.Println(xs)
	fmt.Printf("%v %s\n", xs[0], xs[1])
	m := map[string]any{"t": Celsius(-1), "d": Weekday(0)}
	fmt.Println(m["t"], m["d"], len(m))
	for i, x := range xs[:3] {
		fmt.Printf("%d: %v (%T)\n", i, x, x)
	}

	for _, x := range []any{1.5, MyFloat(-2), Celsius(3), 4, Weekday(2), []string{"a"}, Tags{"b"}} {
		fmt.Println(classify(x))
	}
	var v any = MyFloat(2)
	f, ok := v.(float64)
	fmt.Println(f, ok)
	mf, ok := v.(MyFloat)
	fmt.Println(mf, ok)
	c, ok := v.(Celsius)
	fmt.Println(c, ok)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(v.(float64))
	}()
}
