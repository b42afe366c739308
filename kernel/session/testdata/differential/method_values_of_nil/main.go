// A method value binds its receiver when it is made: of a nil pointer with
// a value receiver, or of a nil interface, it panics there; with a pointer
// receiver it does not, and the call decides.
package main

import (
	"fmt"
	"strings"
)

type counter struct{ n int }

func (c counter) Value() int { return c.n }
func (c *counter) Inc()      { c.n++ }

type Valuer interface{ Value() int }

type wrapper struct{ *counter }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: no panic\n", name)
}

func main() {
	var p *counter
	var v Valuer
	var w wrapper
	var get func() int
	try("nil pointer, value receiver", func() { get = p.Value })
	try("nil pointer, pointer receiver", func() { _ = p.Inc })
	try("nil interface", func() { get = v.Value })
	try("nil embedded pointer", func() { get = w.Value })
	fmt.Println(get == nil)
	c := &counter{1}
	get = c.Value // bound now: later changes to c are not seen
	c.Inc()
	inc := c.Inc
	inc()
	fmt.Println(get(), c.Value())
	var b strings.Builder
	write := b.WriteString
	write("ok")
	fmt.Println(b.String())
}
