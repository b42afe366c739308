package main

// A value of a named type that is not a struct, held in an interface type
// literal with methods (case interface{ Error() string }:), prints by its
// methods, as fmt prints it anywhere else.

import "fmt"

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func show(v any) {
	switch x := v.(type) {
	case interface{ Error() string }:
		fmt.Println("error-like:", x, x.Error())
	case interface{ String() string }:
		fmt.Println("stringer-like:", x)
		fmt.Printf("%v %s %T\n", x, x, x)
	}
}

func main() {
	show(Code(404))
	show(Celsius(3))
	var s interface{ String() string } = Celsius(5)
	fmt.Println(s)
	e, ok := any(Code(1)).(interface{ Error() string })
	fmt.Println(e, ok)
}
