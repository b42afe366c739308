// An error holding a nil pointer is not a nil error: the classic "nil
// error != nil" of a function that returns its *T variable.
package main

import (
	"errors"
	"fmt"
)

type MyErr struct{ msg string }

func (e *MyErr) Error() string {
	if e == nil {
		return "nil MyErr"
	}
	return e.msg
}

type Bad struct{ msg string }

func (b *Bad) Error() string { return b.msg }

func mayFail(fail bool) error {
	var p *MyErr
	if fail {
		p = &MyErr{"failed"}
	}
	return p
}

func bad() error {
	var b *Bad
	return b
}

func main() {
	for _, f := range []bool{false, true} {
		err := mayFail(f)
		fmt.Println(err == nil, err != nil, err)
		if err != nil {
			fmt.Println("error:", err.Error())
		}
	}
	var p *MyErr
	var err error = p
	fmt.Println(err == nil, err)
	e2 := bad()
	fmt.Println(e2 == nil, e2)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println(errors.Is(err, err))
}
