package evaluator

import (
	"reflect"
	"testing"
	"time"
)

// A compiled value asserted to an interface of the notebook's keeps its
// type: the box Retype made is Yaegi's box of a time.Duration, in later
// cells too.
func TestRetype(t *testing.T) {
	s := newSession(t)
	s.must(`type Stringer interface{ String() string }
var x any = 90 * time.Second
s, ok := x.(Stringer)`)
	for _, c := range []struct{ cell, want string }{
		{`fmt.Sprint(ok, " ", s.String())`, `"true 1m30s"`},
		{`fmt.Sprintf("%T", s)`, `"time.Duration"`},
		{`s.(time.Duration).Minutes()`, `1.5`},
		{`func() string { switch v := s.(type) { case time.Duration: return "Duration " + v.String() }; return "default" }()`, `"Duration 1m30s"`},
		{`s == Stringer(90*time.Second)`, `true`},
	} {
		if got := s.result(s.must(c.cell)); got != c.want {
			t.Errorf("%s: %s, want %s", c.cell, got, c.want)
		}
	}
	if !boxAt.ok {
		t.Fatal("yaegi's valueInterface, node or itype is not laid out as compiledas.go expects: update it for this version of Yaegi")
	}
	if _, ok := retyped.Load(reflect.TypeFor[time.Duration]()); !ok {
		t.Error("no node kept for time.Duration")
	}
}
