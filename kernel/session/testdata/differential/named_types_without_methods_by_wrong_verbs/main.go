// The notebook's named types without methods under a verb of another kind
// (a %d of a name, a %s of an amount): fmt's complaint names the type,
// %!d(main.Name=x), where the cell's named the underlying type,
// %!d(string=x), since to the interpreter such a value is its underlying
// type's; also for a type defined from time.Duration, and with a format
// held in a variable.
package main

import (
	"fmt"
	"time"
)

type Money int64
type Ratio float64
type Name string
type Flag bool
type IDs []int
type Set map[string]bool
type Dur time.Duration

func main() {
	m, r, n, fl, ids, s, d := Money(5), Ratio(0.5), Name("x"), Flag(true), IDs{1}, Set{"a": true}, Dur(time.Second)
	fmt.Printf("%v %d %s %x %q %#v\n", m, m, m, m, m, m)
	fmt.Printf("%v %d %s %f %#v\n", r, r, r, r, r)
	fmt.Printf("%v %d %s %q %#v %8s|\n", n, n, n, n, n, n)
	fmt.Printf("%v %d %t %#v\n", fl, fl, fl, fl)
	fmt.Printf("%v %d %s %#v\n", ids, ids, ids, ids)
	fmt.Printf("%v %d %#v\n", s, s, s)
	fmt.Printf("[%v] [%d] [%s]\n", d, d, d)
	f := "%v|%d|%s|%#v\n"
	for _, x := range []any{m, r, n, fl, ids, s, d} {
		fmt.Printf(f, x, x, x, x)
	}
	fmt.Printf(f, m, r, n, ids)
	fmt.Printf(f, d, fl, s, Name("y"))
}
