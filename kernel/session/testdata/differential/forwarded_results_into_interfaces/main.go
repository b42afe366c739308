// The results of a call forwarded whole (return f(), g(f()), a, b = f())
// into places of interface types: a lookup layer whose inner function
// returns its concrete error type, a parser's results handed to a
// variadic logger. The interpreter handed the results on unconverted: the
// return panicked ("reflect.Set: value of type *struct {...} is not
// assignable to type error"), the call too, an assignment gave a nil
// error where Go's holds a nil *NotFound (and is not nil, the classic
// gotcha), or a value of a named type lost its type in an any.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "°C" }

var store = map[string]string{"a": "apple"}

func lookup(key string) (string, *NotFound) {
	if v, ok := store[key]; ok {
		return v, nil
	}
	return "", &NotFound{key}
}

func Get(key string) (string, error) { return lookup(key) }

func parse(s string) (Celsius, error) {
	f, err := strconv.ParseFloat(s, 64)
	return Celsius(f), err
}

func parseAny(s string) (any, error) { return parse(s) }

func logAll(vals ...any) {
	for _, v := range vals {
		fmt.Printf("[%T %v] ", v, v)
	}
	fmt.Println()
}

func report(v string, err error) {
	fmt.Printf("report %q, err == nil: %v\n", v, err == nil)
}

func main() {
	v, err := Get("a")
	fmt.Printf("%q %v %v\n", v, err, err == nil)
	_, err = Get("b")
	var nf *NotFound
	fmt.Println(err, errors.As(err, &nf), nf.key)

	report(lookup("a"))
	report(lookup("zzz"))

	var e error
	v, e = lookup("a")
	fmt.Println(v, e == nil, e != nil)

	logAll(parse("21.5"))
	t, err := parseAny("-3")
	if c, ok := t.(Celsius); ok {
		fmt.Println("a Celsius:", c, err)
	}
}
