// Package-level variables of interface types start nil, and stay nil
// when assigned to other interfaces.
package main

import (
	"fmt"
	"io"
)

type Reader interface{ Read() string }

type ReadWriter interface {
	Read() string
	Write(s string)
}

type file struct{ data string }

func (f *file) Read() string   { return f.data }
func (f *file) Write(s string) { f.data += s }

var (
	rw     ReadWriter
	r      Reader
	any1   any
	closer io.Closer
	shapes [2]Reader
)

func isNil(r Reader) bool { return r == nil }

func main() {
	r = rw
	any1 = rw
	fmt.Println(rw == nil, r == nil, any1 == nil, isNil(rw), closer == nil, shapes[1] == nil)
	fmt.Printf("%v %v %T\n", rw, r, r)

	rw = &file{data: "a"}
	r = rw
	rw.Write("b")
	fmt.Println(r.Read(), r == nil, isNil(rw))
}
