// A field and a method of the same name promoted from one level deeper:
// Go selects the field, the shallower (Go's test/fixedbugs/bug372.go),
// where the interpreter refused the cell ("ambiguous selector: Log").
package main

import (
	"fmt"
	"strings"
)

type Logger struct{ prefix string }

func (l Logger) Log(msg string) string { return l.prefix + msg }

type Svc struct {
	Logger
	Log  []string
	Name string
}

type Outer struct {
	*Svc
	n int
}

func (s *Svc) record(m string) { s.Log = append(s.Log, s.Logger.Log(m)) }

func mk() Svc { return Svc{Logger{"> "}, []string{"a"}, "x"} }

type Namer interface{ Name() string }

type Tagged struct {
	Namer
	Name string
}

type plain struct{}

func (plain) Name() string { return "plain" }

type Handler struct{ fn func() string }

func (Handler) Run() string { return "method" }

type Job struct {
	Handler
	Run func() string
}

func main() {
	t := Tagged{Namer: plain{}, Name: "field"}
	fmt.Println(t.Name, t.Namer.Name())
	j := Job{Run: func() string { return "field func" }}
	f := j.Run
	fmt.Println(j.Run(), f(), j.Handler.Run())
	js := []Job{{Run: func() string { return "in slice" }}}
	fmt.Println(js[0].Run())
	m := map[string]Tagged{"a": {Name: "in map"}}
	fmt.Println(m["a"].Name)

	s := Svc{Logger: Logger{"[svc] "}, Name: "api"}
	s.Log = append(s.Log, "one")
	s.record("two")
	p := &s
	p.Log = append(p.Log, "three")
	fmt.Println(len(s.Log), strings.Join(s.Log, "|"))
	fmt.Printf("%+v\n", s)
	o := Outer{Svc: &s}
	fmt.Println(o.Log[0], len(o.Log), o.Logger.Log("x"))
	lp := &s.Log
	*lp = append(*lp, "four")
	fmt.Println(len(s.Log), mk().Log)
	var nilOuter Outer
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(nilOuter.Log)
}
