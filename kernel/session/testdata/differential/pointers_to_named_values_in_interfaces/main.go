package main

// A pointer to a value of a named type that is not a struct (a *Celsius,
// a *Counter) in an any keeps its type: a type switch and an assertion
// tell it from a *float64, %T names it, and fmt calls the value's String
// through it (a nil one prints <nil>).

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func (c *Celsius) Warm(d float64) { *c += Celsius(d) }

type Counter int

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

func kind(v any) string {
	switch x := v.(type) {
	case *Celsius:
		return fmt.Sprint("celsius pointer ", *x)
	case *Counter:
		*x++
		return fmt.Sprint("counter pointer ", int(*x))
	case *float64:
		return "float64 pointer"
	case *int:
		return "int pointer"
	case Celsius:
		return "celsius"
	}
	return "other"
}

func main() {
	c := Celsius(20)
	var n Counter
	f := 1.5
	i := 3
	values := []any{&c, &n, &f, &i, c, n}
	for _, v := range values {
		fmt.Printf("%T %s\n", v, kind(v))
	}
	var a any = &c
	if p, ok := a.(*Celsius); ok {
		p.Warm(1.5)
	}
	_, isFloat := a.(*float64)
	_, isStringer := a.(fmt.Stringer)
	fmt.Println(c, isFloat, isStringer)
	fmt.Printf("%v|%s|%6.2f\n", a, a, float64(c))
	fmt.Println(a, any(&n) == any(&n), a == any(&c))
	var none *Celsius
	a = none
	fmt.Println(a, a == nil)
	code := Code(404)
	var e any = &code
	fmt.Printf("%T %v\n", e, e)

	// Compared with the pointer, and as a map key, it is the pointer.
	pn := &n
	var in any = pn
	seen := map[any]int{pn: 1}
	fmt.Println(pn == in, in == pn, seen[in], seen[&n])
	switch in {
	case pn:
		fmt.Println("case pn")
	}
}
