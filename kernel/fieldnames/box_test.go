package fieldnames_test

import (
	"fmt"
	"testing"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/traefik/yaegi/interp"
)

// A value of one of the program's interfaces is the interpreter's box to
// compiled code; Value prints what it holds.
func TestValueUnboxes(t *testing.T) {
	i := interp.New(interp.Options{})
	if _, err := i.Eval(`type Shape interface{ Area() float64 }
type Square struct{ S float64 }
func (q Square) Area() float64 { return q.S * q.S }
var shapes = []Shape{Square{2}, nil}
var one Shape = Square{3}`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ expr, want string }{
		{"shapes", "[{2} <nil>]"},
		{"one", "{3}"},
	} {
		v, err := i.Eval(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%v", fieldnames.Value(v.Interface(), "")); got != c.want {
			t.Errorf("%s: %q, want %q", c.expr, got, c.want)
		}
	}
}
