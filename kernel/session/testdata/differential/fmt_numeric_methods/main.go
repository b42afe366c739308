package main

import "fmt"

// Numeric verbs print the number of a type with methods; %v, %s, %q and %x
// use its String method.
type level int

func (l level) String() string { return [...]string{"low", "mid", "high"}[l] }

type celsius float64

func (c celsius) Warm() bool { return c > 20 }

func main() {
	l := level(2)
	fmt.Printf("%d|%03d|%b|%v|%s|%q|%x\n", l, l, l, l, l, l, l)
	c := celsius(21.55)
	fmt.Printf("%.1f|%g|%v|%t\n", c, c, c, c.Warm())
	fmt.Println(fmt.Sprintf("%d", level(1)), fmt.Sprint(level(0)))
}
