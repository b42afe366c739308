// Print puts no space beside an operand of a string kind, a value of the
// notebook's string types with String or Error too, in an error as well.
package main

import (
	"errors"
	"fmt"
)

type ErrCode string

func (e ErrCode) Error() string { return "E" + string(e) }

type Name string

func (n Name) String() string { return "N" + string(n) }

func main() {
	fmt.Print(ErrCode("a"), ErrCode("b"), "\n")
	var e error = ErrCode("c")
	fmt.Print(e, e, "\n")
	fmt.Print(Name("x"), Name("y"), 1, 2, "\n")
	var s fmt.Stringer = Name("z")
	fmt.Print(s, s, errors.New("q"), errors.New("r"), "\n")
	fmt.Println(fmt.Sprint(e, 3, s))
}
