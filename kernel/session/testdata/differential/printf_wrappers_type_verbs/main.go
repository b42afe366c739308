// %T through a wrapper that spreads its operands into fmt
// (logf(format string, args ...any) calling fmt.Printf(format, args...),
// errors through fmt.Errorf, log.Printf and a *log.Logger's Printf): the
// format is known only when it runs, and fmt's %T printed the type of
// goconc's formatter of the operand (fieldnames.formatter) or the
// interpreter's type. The hooks read the format when it runs and write
// each %T as the name of the type of what the slice holds.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
)

type point struct{ x, y int }
type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (q Sq) Area() float64 { return q.S * q.S }

type Status int

func logf(format string, args ...any)       { fmt.Printf("[log] "+format, args...) }
func logf2(format string, args ...any)      { fmt.Printf(format, args...) }
func errf(format string, args ...any) error { return fmt.Errorf(format, args...) }
func sf(format string, args ...any) string  { return fmt.Sprintf(format, args...) }

func main() {
	p := point{1, 2}
	var s Shape = Sq{2}
	logf2("%T %v %+v\n", p, p, p)
	logf2("%T %v\n", Celsius(3), Celsius(3))
	logf2("%T %v\n", s, s)
	logf2("%T %T %T %T\n", 1, "a", []int{1}, map[string]point{})
	logf2("%[1]T %[1]v|%-12T|%d\n", p, Status(2), 7)
	logf2("%T\n")
	logf2("%T %v\n", nil, nil)
	logf2("%T %d\n", &p, Status(4))
	logf("%v %T\n", errors.New("x"), errors.New("x"))
	e := errf("wrap %w of %T", os.ErrNotExist, p)
	fmt.Println(e, errors.Is(e, os.ErrNotExist))
	fmt.Println(sf("%T/%T", s, Celsius(1)))
	args := []any{p, Status(1)}
	fmt.Printf("%T %T\n", args...)
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Printf("%T %v", args...)
	l := log.New(os.Stdout, "L ", 0)
	l.Printf("%T!", args[:1]...)
}
