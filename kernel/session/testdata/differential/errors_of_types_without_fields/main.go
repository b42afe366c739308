// Error types without fields (type ErrNotFound struct{}, a common idiom)
// and error types of one underlying type (type ErrCode int, type ErrOther
// int), wrapped with %w, found with errors.Is and errors.As, switched on
// and compared. To reflect every struct without fields is struct{}:
// errors.Is took an ErrNotFound for an ErrTimeout, errors.As filled an
// ErrTimeout from an ErrNotFound (and an ErrOther from an ErrCode), a
// type switch on errors.Unwrap(err) took the first such case, two such
// errors were equal, and err.(ErrNotFound) panicked in the interpreter
// ("reflect: Field index out of bounds").
package main

import (
	"errors"
	"fmt"
)

type ErrNotFound struct{}
type ErrTimeout struct{}
type ErrCode int
type ErrOther int

func (ErrNotFound) Error() string { return "not found" }
func (ErrTimeout) Error() string  { return "timeout" }
func (e ErrCode) Error() string   { return fmt.Sprint("code ", int(e)) }
func (e ErrOther) Error() string  { return fmt.Sprint("other ", int(e)) }

func find(k string) error {
	switch k {
	case "a":
		return nil
	case "t":
		return fmt.Errorf("find %q: %w", k, ErrTimeout{})
	case "c":
		return ErrCode(3)
	}
	return fmt.Errorf("find %q: %w", k, ErrNotFound{})
}

func main() {
	for _, k := range []string{"a", "b", "t", "c"} {
		err := find(k)
		fmt.Println(k, err, errors.Is(err, ErrNotFound{}), errors.Is(err, ErrTimeout{}), errors.Is(err, ErrCode(3)), errors.Is(err, ErrOther(3)))
		var nf ErrNotFound
		var to ErrTimeout
		var oc ErrOther
		fmt.Println(errors.As(err, &nf), errors.As(err, &to), errors.As(err, &oc))
		switch e := errors.Unwrap(err).(type) {
		case ErrNotFound:
			fmt.Println("nf", e)
		case ErrTimeout:
			fmt.Println("to", e)
		case nil:
			fmt.Println("nil")
		}
		if err != nil {
			fmt.Printf("%T %v\n", err, err == error(ErrCode(3)))
		}
	}
	var e1 error = ErrNotFound{}
	var e2 error = ErrTimeout{}
	fmt.Println(e1 == e2, e1 == ErrNotFound{}, e2 == ErrNotFound{}, e1 == error(ErrNotFound{}))
	var c1 error = ErrCode(1)
	var o1 error = ErrOther(1)
	fmt.Println(c1 == o1, c1 == ErrCode(1), o1 == ErrCode(1))
	_, ok := e2.(ErrNotFound)
	fmt.Println(ok)
}
