// What recover() returns is the value panic was given, with its type:
// assertions and type switches on it see an error, a string, an int or a
// notebook type.
package main

import (
	"errors"
	"fmt"
)

type codeErr struct{ code int }

func (e codeErr) Error() string { return fmt.Sprint("code ", e.code) }

type point struct{ x, y int }

func catch(f func()) (out string) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case nil:
			out = "nothing"
		case codeErr:
			out = fmt.Sprint("codeErr ", v.code)
		case error:
			out = "error " + v.Error()
		case string:
			out = "string " + v
		case int:
			out = fmt.Sprint("int ", v+1)
		case point:
			out = fmt.Sprint("point ", v.x+v.y)
		default:
			out = fmt.Sprintf("other %v", v)
		}
	}()
	f()
	return "returned"
}

func asError(f func()) (err error) {
	defer func() {
		if e, ok := recover().(error); ok {
			err = e
		}
	}()
	f()
	return nil
}

func main() {
	fmt.Println(catch(func() {}))
	fmt.Println(catch(func() { panic(errors.New("boom")) }))
	fmt.Println(catch(func() { panic(codeErr{7}) }))
	fmt.Println(catch(func() { panic("text") }))
	fmt.Println(catch(func() { panic(41) }))
	fmt.Println(catch(func() { panic(point{1, 2}) }))
	fmt.Println(catch(func() { panic(2.5) }))
	base := errors.New("base")
	err := asError(func() { panic(fmt.Errorf("wrapped: %w", base)) })
	fmt.Println(err, errors.Is(err, base))
	fmt.Println(asError(func() { panic("not an error") }))
	func() {
		defer func() {
			s, ok := recover().(string)
			fmt.Println(s, ok, len(s))
		}()
		panic("abc")
	}()
}
