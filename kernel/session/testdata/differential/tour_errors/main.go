// The Go Tour's Errors exercise prints fmt.Println(Sqrt(-2)): a call's
// results spread into a print, the error one of the notebook's named
// types that is not a struct. Its Error method got the interpreter's
// wrapper for a receiver: "0 %!v(PANIC=Error method: interface conversion:
// interface {} is interp._error, not float64)" for Go's "0 cannot Sqrt
// negative number: -2"; a Stringer so returned failed the same way.
package main

import (
	"errors"
	"fmt"
)

type ErrNegativeSqrt float64

func (e ErrNegativeSqrt) Error() string {
	return fmt.Sprint("cannot Sqrt negative number: ", float64(e))
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func Sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegativeSqrt(x)
	}
	return x, nil
}

func temp() (fmt.Stringer, bool) { return Celsius(21.5), true }

func status() (int, error) { return 0, Code(404) }

func main() {
	fmt.Println(Sqrt(-3))
	fmt.Print(Sqrt(-3))
	fmt.Println()
	s := fmt.Sprintln(Sqrt(-6))
	fmt.Print(s)
	fmt.Println(temp())
	fmt.Println(status())
	_, err := status()
	var c Code
	fmt.Println(errors.As(err, &c), c)
	fmt.Println(Sqrt(9))
}
