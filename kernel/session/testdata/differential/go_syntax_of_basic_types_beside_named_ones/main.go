// %#v of a value reached through an interface names the types of its
// maps and slices as Go does. A notebook type whose underlying type is
// string (statErr) is a string to reflect, and %#v named every string
// after it: Misc:map[main.statErr]interface {}{...} for Go's
// map[string]interface {}{...} (Concurrency in Go's error propagation
// example, which logs its errors with %#v).
package main

import (
	"fmt"
	"log"
	"os"
)

type statErr string

func (s statErr) Error() string { return string(s) }

type level int

func (l level) String() string { return fmt.Sprint("level ", int(l)) }

type MyError struct {
	Inner   error
	Message string
	Misc    map[string]interface{}
	Codes   []int
	Levels  map[int]string
}

func (err MyError) Error() string { return err.Message }

type wrapped struct {
	error
}

func main() {
	var err error = wrapped{MyError{statErr("x"), "failed", map[string]interface{}{"k": "v"}, []int{1}, map[int]string{2: "two"}}}
	fmt.Printf("%#v\n", err)
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Printf("%#v", err)
	var s fmt.Stringer = level(3)
	fmt.Printf("%#v %v\n", []interface{}{s, "plain", 7}, s)
}
