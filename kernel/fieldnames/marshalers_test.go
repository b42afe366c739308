package fieldnames

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// point stands for a notebook struct type whose MarshalJSON json cannot
// see; temp for one with MarshalText on a pointer receiver; animal (an
// int to reflection) for a named type that is not a struct, with
// MarshalJSON and UnmarshalJSON; size (an int too) for one with
// MarshalText and UnmarshalText; pen for a struct with fields of them.
type point struct{ X, Y int }
type temp struct{ C int }
type pen struct {
	Name string
	Who  int // an animal
	Size *int
}

var animals = []string{"unknown", "gopher", "zebra"}

func init() {
	RegisterMarshaler((*point)(nil), "main.point", "json", false, func(v any) ([]byte, error) {
		p := v.(point)
		return fmt.Appendf(nil, "[%d,%d]", p.X, p.Y), nil
	})
	RegisterMarshaler((*temp)(nil), "main.temp", "text", true, func(v any) ([]byte, error) {
		return fmt.Appendf(nil, "%dC", v.(temp).C), nil
	})
	RegisterMarshaler(nil, "main.animal", "json", false, func(v any) ([]byte, error) {
		return json.Marshal(animals[v.(int)])
	})
	RegisterUnmarshaler(nil, "main.animal", "json", func(p any, b []byte) error {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*p.(*int) = max(0, slices.Index(animals, s))
		return nil
	})
	RegisterMarshaler(nil, "main.size", "text", false, func(v any) ([]byte, error) {
		return []byte(strings.Repeat("L", v.(int))), nil
	})
	RegisterUnmarshaler(nil, "main.size", "text", func(p any, b []byte) error {
		if strings.Trim(string(b), "L") != "" {
			return fmt.Errorf("not a size: %q", b)
		}
		*p.(*int) = len(b)
		return nil
	})
	RegisterFields((*pen)(nil), "-@main.animal;-*@main.size;-")
}

func TestPlainJSON(t *testing.T) {
	for _, c := range []struct {
		v     any
		shape string
		want  string
	}{
		{[]point{{1, 2}}, "-", `[[1,2]]`},
		{map[string]*point{"a": {3, 4}, "nil": nil}, "-", `{"a":[3,4],"nil":null}`},
		{struct{ P point }{point{5, 6}}, "-", `{"P":[5,6]}`},
		{[]temp{{7}}, "-", `["7C"]`},                      // addressable: the pointer method
		{map[string]temp{"t": {8}}, "-", `{"t":{"C":8}}`}, // not addressable: the fields
		{map[point]int{{1, 1}: 1}, "-", "error"},          // json takes no key of a struct type without MarshalText
		{[]int{1, 0, 2}, "[@main.animal;-", `["gopher","unknown","zebra"]`},
		{1, "@main.animal;-", `"gopher"`},
		{[]int{1}, "[-", `[1]`},
		{map[int]int{2: 1, 3: 0}, "m@main.size;-@main.animal;-", `{"LL":"gopher","LLL":"unknown"}`},
		{pen{"a", 2, new(3)}, "@main.pen;$", `{"Name":"a","Who":"zebra","Size":"LLL"}`},
		{[]*pen{{"b", 1, nil}}, "[*@main.pen;$", `[{"Name":"b","Who":"gopher","Size":null}]`},
		{struct{ A, B int }{1, 2}, "{-@main.animal;-}", `{"A":1,"B":"zebra"}`},
		// struct{ A int; b int `json:"b"` } as the interpreter makes it:
		// b exported as Xb, which json leaves out as Go leaves out b.
		{struct {
			A  int
			Xb int `json:"b"`
		}{1, 2}, "{-~-}", `{"A":1}`},
		{[]struct{ Xy, Z int }{{1, 2}}, "[{~--}", `[{"Z":2}]`},
	} {
		b, err := json.Marshal(PlainJSON(c.v, c.shape))
		got := string(b)
		if err != nil {
			got = "error"
		}
		if got != c.want {
			t.Errorf("%#v as %s: %s %v, want %s", c.v, c.shape, got, err, c.want)
		}
	}
}

func TestDecodeJSON(t *testing.T) {
	for _, c := range []struct {
		into  any // a pointer
		shape string
		json  string
		want  any // what into points to after
		err   string
	}{
		{new([]int), "*[@main.animal;-", `["zebra","bee","gopher"]`, []int{2, 0, 1}, ""},
		{new([]int), "*[@main.animal;-", `null`, []int(nil), ""},
		{new([2]int), "*[@main.animal;-", `["zebra"]`, [2]int{2, 0}, ""},
		{new(map[int]int), "*m@main.size;-@main.animal;-", `{"LL":"gopher","L":"zebra"}`, map[int]int{2: 1, 1: 2}, ""},
		{new(map[int]int), "*m@main.size;-@main.animal;-", `{"LX":"gopher"}`, map[int]int{}, `not a size: "LX"`},
		{new([]int), "*[@main.size;-", `["LL", 3, "L"]`, []int{2, 0, 1}, "json: cannot unmarshal number into Go value of type main.size"},
		{new(pen), "*@main.pen;$", `{"Name":"p","Who":"zebra","Size":"LL"}`, pen{"p", 2, new(2)}, ""},
		{&pen{"keep", 1, nil}, "*@main.pen;$", `{"Size":"L"}`, pen{"keep", 1, new(1)}, ""},
		{new(pen), "*@main.pen;$", `{"Name":`, pen{}, "unexpected end of JSON input"},
		{new(int), "-", `7`, 7, ""},
		{&struct{ A, B int }{1, 2}, "*{-@main.animal;-}", `{"B":"gopher"}`, struct{ A, B int }{1, 1}, ""},
	} {
		err := DecodeJSON(json.Unmarshal, []byte(c.json), c.into, c.shape)
		got := reflect.ValueOf(c.into).Elem().Interface()
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if !reflect.DeepEqual(got, c.want) || gotErr != c.err {
			t.Errorf("%s into %s: %#v, error %q; want %#v, error %q", c.json, c.shape, got, gotErr, c.want, c.err)
		}
	}
}

func TestJSONError(t *testing.T) {
	type broken struct{ N int }
	RegisterMarshaler((*broken)(nil), "main.broken", "json", false, func(any) ([]byte, error) {
		return nil, fmt.Errorf("no value")
	})
	_, err := json.Marshal(PlainJSON([]broken{{1}}, "-"))
	err = JSONError(err)
	var me *json.MarshalerError
	if !errors.As(err, &me) || err.Error() != "json: error calling MarshalJSON for type main.broken: no value" {
		t.Errorf("JSONError gave %T %v, want a *json.MarshalerError naming main.broken", err, err)
	}
	for _, err := range []error{nil, errors.New("other"), &json.UnsupportedTypeError{Type: reflect.TypeFor[chan int]()}} {
		if got := JSONError(err); got != err {
			t.Errorf("JSONError(%v) = %v, want it unchanged", err, got)
		}
	}
}

// json's type errors name the notebook's types: the struct by its first
// field's tag, a field's type by the shape.
func TestTypeErrorNamed(t *testing.T) {
	type inner struct {
		S int `goconc:"Inner"` // a main.Status
	}
	type task struct {
		Name string `goconc:"Task"`
		In   inner
		List []int // []main.Status
	}
	RegisterFields((*task)(nil), "-@main.Task;$[@main.Status;-")
	RegisterFields((*inner)(nil), "@main.Status;-")
	for _, c := range []struct {
		json, shape string
		into        any
		want        string
	}{
		{`{"In":{"S":"x"}}`, "*@main.Task;$", new(task), "json: cannot unmarshal string into Go struct field Inner.In.S of type main.Status"},
		{`{"List":["x"]}`, "*@main.Task;$", new(task), "json: cannot unmarshal string into Go struct field Task.List of type main.Status"},
		{`{"Name":1}`, "*@main.Task;$", new(task), "json: cannot unmarshal number into Go struct field Task.Name of type string"},
		{`"x"`, "*@main.Task;$", new(task), "json: cannot unmarshal string into Go value of type main.Task"},
		{`["x"]`, "*[@main.Status;-", new([]int), "json: cannot unmarshal string into Go value of type main.Status"},
		{`[}`, "*[@main.Status;-", new([]int), "invalid character '}' looking for beginning of value"},
	} {
		err := DecodeJSON(json.Unmarshal, []byte(c.json), c.into, c.shape)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s into %s: %v, want %s", c.json, c.shape, err, c.want)
		}
	}
}
