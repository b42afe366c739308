// The result of a type assertion printed as it stands, fmt.Println(x.(Code)),
// of a type with a String or Error method: the interpreter hands fmt an
// assertion's result without the wrapper that carries the value's
// methods, so fmt printed {1} for Go's code-1, 1 for a Lvl's lvl, {} for
// an ErrEmpty's empty. (Found printing e.(ErrEmpty) of an error type
// without fields, while testing errors.Is on such types.)
package main

import "fmt"

type ErrEmpty struct{}

func (ErrEmpty) Error() string { return "empty" }

type Code struct{ N int }

func (c Code) String() string { return fmt.Sprint("code-", c.N) }

type Lvl int

func (l Lvl) String() string { return fmt.Sprint("lvl", int(l)) }

type Ptr struct{ N int }

func (p *Ptr) String() string { return fmt.Sprint("ptr-", p.N) }

func mkE() ErrEmpty { return ErrEmpty{} }
func mkC() Code     { return Code{3} }

func main() {
	fmt.Println(mkE(), mkC())
	var x any = ErrEmpty{}
	var c any = Code{1}
	var l any = Lvl(2)
	var p any = &Ptr{4}
	var e error = ErrEmpty{}
	var s fmt.Stringer = Code{5}
	fmt.Println(x.(ErrEmpty), c.(Code), l.(Lvl), p.(*Ptr), e.(ErrEmpty), s.(Code))
	fmt.Printf("%v %s %d %v|%+v\n", c.(Code), l.(Lvl), l.(Lvl), (x.(ErrEmpty)), c.(Code))
	fmt.Print(l.(Lvl), c.(Code), "\n")
	msg := fmt.Sprintf("[%v]", p.(*Ptr))
	fmt.Println(msg, fmt.Sprint(c.(Code)))
}
