// Errors of the program's types handed on as values of type any: a type
// switch and an assertion still find the error's own type.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Timeout struct{ After int }

func (e *Timeout) Error() string { return fmt.Sprint("timeout after ", e.After) }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }

type Reading struct{ Temp }

func lookup(k string) error {
	if k == "" {
		return &Timeout{3}
	}
	return NotFound{k}
}

func describe(v any) string {
	switch x := v.(type) {
	case NotFound:
		return "missing " + x.Key
	case *Timeout:
		return fmt.Sprint("slow ", x.After)
	case Reading:
		return "reading " + x.String()
	case error:
		return "error: " + x.Error()
	case fmt.Stringer:
		return "stringer: " + x.String()
	}
	return "other"
}

func main() {
	var log []any
	for _, k := range []string{"a", ""} {
		log = append(log, lookup(k))
	}
	var s fmt.Stringer = Reading{21.5}
	log = append(log, s, errors.New("plain"), fmt.Errorf("wrapped: %w", lookup("b")), 7)
	var parts []string
	for _, v := range log {
		parts = append(parts, describe(v))
	}
	fmt.Println(strings.Join(parts, " | "))

	var first any = lookup("z")
	nf, ok := first.(NotFound)
	fmt.Println(nf.Key, ok)
	to, ok := log[1].(*Timeout)
	fmt.Println(to.After, ok)
	r := log[2].(Reading)
	fmt.Println(r.Temp)
}
