package fieldnames_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/traefik/yaegi/interp"
)

// boxes evaluates the declarations of a program whose types have methods,
// so that the interpreter boxes their values in interfaces.
func boxes(t *testing.T) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{})
	if _, err := i.Eval(`type Celsius float64
func (c Celsius) String() string { return "c" }
type Shape interface{ Area() float64 }
type Square struct{ S float64 }
func (q Square) Area() float64 { return q.S * q.S }
type Zoo struct {
	Name   string
	Shapes []Shape
}
var m = map[string]any{"t": Celsius(21), "n": 3}
var list = []any{Celsius(1), Square{2}, "s", nil}
var zoo = Zoo{"z", []Shape{Square{1}, nil}}
var none = []int{1, 2}`); err != nil {
		t.Fatal(err)
	}
	return i
}

func TestPlainEncodesAsGo(t *testing.T) {
	i := boxes(t)
	for _, c := range []struct{ expr, want string }{
		{"m", `{"n":3,"t":21}`},
		{"list", `[1,{"S":2},"s",null]`},
		{"zoo", `{"Name":"z","Shapes":[{"S":1},null]}`},
		{"&zoo", `{"Name":"z","Shapes":[{"S":1},null]}`},
		{"none", `[1,2]`},
	} {
		v, err := i.Eval(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(fieldnames.Plain(v.Interface()))
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		if string(b) != c.want {
			t.Errorf("%s: json.Marshal(Plain(%s)) = %s, want %s", c.expr, c.expr, b, c.want)
		}
	}
}

// A value without a box is not copied: an encoder writing into it (or a
// decoder given it) writes into the program's value.
func TestPlainKeepsValuesWithoutBoxes(t *testing.T) {
	s := []any{1, "a"}
	p := fieldnames.Plain(s).([]any)
	p[0] = 2
	if s[0] != 2 {
		t.Errorf("Plain copied a slice without boxes")
	}
	type node struct {
		Next *node
		V    any
	}
	n := &node{V: 1}
	n.Next = n
	if got := fieldnames.Plain(n); got != any(n) {
		t.Errorf("Plain of a cycle without boxes: %v, want the same pointer", got)
	}
}

func TestComparableNamesTheBoxedTypes(t *testing.T) {
	i := boxes(t)
	v, err := i.Eval("list")
	if err != nil {
		t.Fatal(err)
	}
	w, err := i.Eval(`[]any{Celsius(1), Square{2}, "s", nil}`)
	if err != nil {
		t.Fatal(err)
	}
	a, b := fieldnames.Comparable(v.Interface()), fieldnames.Comparable(w.Interface())
	if !reflect.DeepEqual(a, b) {
		t.Errorf("Comparable of equal lists differ: %v, %v", a, b)
	}
	var parts []string
	for _, x := range a.([]any) {
		if b, ok := x.(fieldnames.Boxed); ok {
			parts = append(parts, fmt.Sprintf("%s:%v", b.Type, b.Value))
		} else {
			parts = append(parts, fmt.Sprint(x))
		}
	}
	got := strings.Join(parts, " ")
	if want := "main.Celsius:1 main.Square:{2} s <nil>"; got != want {
		t.Errorf("Comparable(list) = %s, want %s", got, want)
	}
	if reflect.DeepEqual(a, fieldnames.Comparable([]any{1.0, nil, "s", nil})) {
		t.Errorf("a Celsius is deeply equal to a float64")
	}
}
