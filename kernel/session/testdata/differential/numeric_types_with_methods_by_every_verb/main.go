// The notebook's numeric types with methods under every verb, with
// constant formats and formats held in variables (a table of formats, a
// log format set once), as a lesson on enums and units prints them: a
// Level with String by %d is its number, a Celsius by %.2f; a Meters
// without String or Error named in fmt's complaint of a wrong verb.
// A constant format with a [ in its text was taken for one with operand
// indexes, and such formats and those in variables printed the
// interpreter's wrapper for %d ({1 5135136}) and %f; %s of a Meters said
// %!s(int=65).
package main

import (
	"fmt"
	"log"
	"os"
)

type Level int

const (
	Debug Level = iota
	Info
)

func (l Level) String() string { return [...]string{"DEBUG", "INFO"}[l] }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Meters int

func (m Meters) Double() Meters { return m * 2 }

type Ratio float64

func (r Ratio) Inv() Ratio { return 1 / r }

type Errno uintptr

func (e Errno) Error() string { return fmt.Sprintf("errno %d", uintptr(e)) }

func level() Level { return Info }

func main() {
	l, c, m, r, e := Info, Celsius(21.456), Meters(65), Ratio(0.5), Errno(2)
	fmt.Printf("[%d] [%v] [%s] [%x] [%q] [%05d] [%#v]\n", l, l, l, l, l, l, l)
	fmt.Printf("[%.2f] [%v] [%6.1f] [%e] [%s]\n", c, c, c, c, c)
	fmt.Printf("%s|%x|%q|%f|%+v|%t\n", m, m, m, m, m, m)
	fmt.Printf("%s|%d|%+d|%v|%x\n", r, r, r, r, r)
	fmt.Printf("[%d] [%v] [%x]\n", e, e, e)
	fmt.Printf("[%d] [%v]\n", level(), level())
	fmt.Println(l, c, m, r, e, fmt.Sprintf("%d/%s", l, m))

	formats := []string{"%d|", "%v|", "%s|", "%T|", "%6.2f|", "%c|", "%x|"}
	for _, f := range formats {
		fmt.Printf(f, Debug)
		fmt.Printf(f, c)
		fmt.Printf(f, m)
		fmt.Println()
	}
	f := "%[1]d %[1]v %[1]T %[2]d %[2]v %[3]s\n"
	fmt.Printf(f, l, e, m)
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	line := "level=%d (%v) temp=%.1f\n"
	log.Printf(line, l, l, c)
	fmt.Print(fmt.Sprintf(line, level(), Debug, Celsius(-3)))
}
