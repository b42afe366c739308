package main

import (
	"errors"
	"fmt"
	"strings"
)

type R struct{ V int }

func (r R) String() string { return fmt.Sprint("ok: ", r.V) }

type P struct{ name string }

func (p *P) String() string { return "P(" + p.name + ")" }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprintf("code %d", e.code) }

func mk(i int) R       { return R{i} }
func newP(n string) *P { return &P{n} }
func fail() error      { return E{7} }

func main() {
	fmt.Println(mk(1))
	fmt.Println(func() R { return R{2} }())
	fmt.Println(mk(4), mk(5))
	fmt.Printf("%v %s|", mk(6), mk(7))
	fmt.Println(fmt.Sprint(mk(8)), strings.ToUpper(fmt.Sprint(mk(9))))
	c := make(chan R, 1)
	c <- R{10}
	fmt.Println(<-c)
	fmt.Println(newP("x"))
	fmt.Println(fail())
	fmt.Println(errors.Unwrap(fmt.Errorf("wrapped: %w", fail())))
}
