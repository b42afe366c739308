package main

import "fmt"

type weekday int

const (
	sunday weekday = iota
	monday
	tuesday
)

func (d weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

const (
	_  = iota
	kb = 1 << (10 * iota)
	mb
)

func main() {
	fmt.Println(sunday, tuesday, kb, mb)
	fmt.Printf("%d %v\n", monday, monday)
}
