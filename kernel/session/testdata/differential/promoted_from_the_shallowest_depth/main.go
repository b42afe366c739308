// A field or method promoted from two depths: Go takes the shallower, in
// selectors, method values and expressions, and interface method sets.
package main

import "fmt"

type Logger struct{ prefix string }

func (l Logger) Log(s string) string { return l.prefix + s }
func (l Logger) String() string      { return "Logger(" + l.prefix + ")" }
func (l *Logger) SetPrefix(p string) { l.prefix = p }

type Base struct {
	Logger
	ID int
}

type Service struct {
	Base
	Logger
	Name string
}

type embedded string

func (s embedded) val() string { return string(s) }

type A struct{ embedded }

type B struct {
	A
	embedded
}

type logs interface{ Log(string) string }

func use(l logs) string { return l.Log("u") }

func main() {
	s := Service{Base: Base{Logger: Logger{"base:"}}, Logger: Logger{"svc:"}}
	fmt.Println(s.Log("x"), s.prefix, s.Base.Log("y"), s.Base.prefix)
	s.SetPrefix("new:")
	fmt.Println(s.prefix, s.Base.prefix)
	var l logs = s
	fmt.Println(l.Log("x"), use(s), use(&s))
	fmt.Println(s)
	fmt.Printf("%v|%s|%+v\n", s, s, s.Base)
	var st fmt.Stringer = s
	fmt.Println(st.String())
	m := s.Log
	fmt.Println(m("m"))
	g := Service.Log
	fmt.Println(g(s, "g"))
	b := &B{A: A{embedded: "a"}, embedded: "b"}
	fmt.Println(b.val(), b.A.val())
	f := b.val
	fmt.Println(f())
}
