// A call of several results as the only operand of a print: each result
// prints as its type says (Celsius by its String method), from a
// function, a method, a function value or a logger.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"sync"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Name string

func (n Name) String() string { return "<" + string(n) + ">" }

type point struct{ x, y int }

func parse(s string) (Celsius, error) {
	f, err := strconv.ParseFloat(s, 64)
	return Celsius(f), err
}

func names() (Name, Name)         { return "a", "b" }
func pt() (point, *point)         { return point{1, 2}, &point{3, 4} }
func three() (int, string, error) { return 1, "s", errors.New("e") }

type account struct{ balance Celsius }

func (a *account) withdraw(n Celsius) (Celsius, error) {
	if n > a.balance {
		return a.balance, fmt.Errorf("insufficient: %v < %v", a.balance, n)
	}
	a.balance -= n
	return a.balance, nil
}

func main() {
	fmt.Println(parse("20"))
	fmt.Println(parse("x"))
	fmt.Print(names())
	fmt.Println()
	fmt.Print(parse("1"))
	fmt.Println()
	s := fmt.Sprint(names())
	fmt.Println(s, fmt.Sprintln(parse("2")))
	fmt.Println(pt())
	fmt.Println(three())
	fmt.Println(strconv.Atoi("12"))

	var m sync.Map
	m.Store("k", Celsius(5))
	fmt.Println(m.Load("k"))
	l := log.New(os.Stdout, "", 0)
	l.Println(parse("4"))
	fn := func() (Celsius, error) { return 7, nil }
	fmt.Println(fn())
	g := parse
	fmt.Println(g("8"))
	var a account
	fmt.Println(a.withdraw(3))
}
