// Struct fields of a standard interface type (fmt.Stringer, error,
// io.Writer) holding the notebook's values: structs holding them compare
// by their values, and print them as Go does (an unexported field without
// calling String).
package main

import (
	"fmt"
	"io"
	"os"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("code ", e.code) }

type wrapper struct{ inner fmt.Stringer }

type Pub struct {
	Inner fmt.Stringer
	W     io.Writer
}

type keeper string

func (k keeper) String() string { return "keeper " + string(k) }

type Zoo struct {
	Keeper fmt.Stringer
	hidden fmt.Stringer
	Err    error
}

type result struct {
	val int
	err error
}

func main() {
	t := Temp(3)
	a, b := Pub{t, os.Stdout}, Pub{t, os.Stdout}
	fmt.Println(a == b, a.Inner == b.Inner, a == Pub{Temp(4), os.Stdout}, a == Pub{Inner: t})
	fmt.Println(result{1, myErr{4}} == result{1, myErr{4}}, result{1, myErr{4}} == result{1, myErr{5}})
	fmt.Println(wrapper{t})
	fmt.Printf("%v %+v\n", wrapper{t}, wrapper{t})
	fmt.Printf("%v %+v\n", Pub{Inner: t}, Pub{Inner: t})
	fmt.Println(result{1, myErr{4}}, result{2, nil})
	fmt.Printf("%+v\n", []result{{1, myErr{5}}})
	z := Zoo{keeper("bob"), keeper("ann"), myErr{6}}
	fmt.Println(z)
	fmt.Printf("%v|%+v|%s|%d\n", z, z, z, z)
}
