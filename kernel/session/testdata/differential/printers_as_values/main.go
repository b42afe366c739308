// fmt's printers taken as values (Go by Example's p := fmt.Println), a
// logger's method value, and operands spread into a printer with a format
// (fmt.Printf(format, args...)) print the notebook's values as Go does:
// declared field names, String methods called.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	s "strings"
)

type point struct{ x, y int }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type rec struct {
	Name string
	t    Temp
}

// (Declared after the types it prints: see the README.)
var p = fmt.Println

func debugf(format string, args ...any) {
	fmt.Printf("[debug] "+format+"\n", args...)
}

func wrapf(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

func main() {
	p("Contains:  ", s.Contains("test", "es"))
	p("Split:     ", s.Split("a-b-c-d-e", "-"))
	p(point{1, 2}, Temp(3), rec{"n", 4})
	pf := fmt.Printf
	pf("%+v %v\n", point{1, 2}, rec{"m", 5})
	sp := fmt.Sprintf
	p(sp("%+v", rec{"o", 6}))
	printers := []func(...any) (int, error){fmt.Println, fmt.Print}
	printers[0](rec{"q", 7})
	printers[1]("a", point{1, 1}, "\n")

	args := []any{point{1, 2}, Temp(3)}
	fmt.Printf("%+v %v\n", args...)
	fmt.Println(args...)
	debugf("%v and %+v", point{3, 4}, point{5, 6})
	debugf("%s|%v", Temp(1), Temp(2))
	err := wrapf("bad %+v: %w", point{7, 8}, errors.New("x"))
	fmt.Println(err, errors.Unwrap(err))
	fmt.Println(fmt.Sprintf("%#v %v", args...))

	l := log.New(os.Stdout, "log: ", 0)
	l.Printf("%+v %s", args...)
	lp := l.Println
	lp(point{9, 9})
	e := fmt.Errorf
	fmt.Println(e("%v: %w", point{2, 2}, err))
	fp := fmt.Fprintln
	fp(os.Stdout, point{3, 3}, Temp(4))
}
