package templatecalls

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// order stands for the interpreter's struct type of a notebook's
//
//	type Order struct{ ID int; notes string }
//
// as kernel/program tags it: the unexported field exported as Xnotes.
var order = reflect.StructOf([]reflect.StructField{
	{Name: "ID", Type: reflect.TypeFor[int](), Tag: `goconc:"Order"`},
	{Name: "Xnotes", Type: reflect.TypeFor[string](), Tag: `json:"-" xml:"-"`},
})

func TestExecErrorNamesGoTypes(t *testing.T) {
	fieldnames.RegisterStructName(order, "main.Order")
	for _, tc := range []struct {
		src  string
		data any
		want string
	}{
		{"{{.Missing}}", reflect.New(order).Elem().Interface(),
			`template: t:1:2: executing "t" at <.Missing>: can't evaluate field Missing in type main.Order`},
		{"{{.Missing}}", reflect.New(order).Interface(),
			`template: t:1:2: executing "t" at <.Missing>: can't evaluate field Missing in type *main.Order`},
		{"{{.notes}}", reflect.New(order).Interface(),
			`template: t:1:2: executing "t" at <.notes>: notes is an unexported field of struct type *main.Order`},
		{"{{.ID.Big}}", reflect.New(order).Interface(),
			`template: t:1:5: executing "t" at <.ID.Big>: can't evaluate field Big in type int`},
	} {
		err := ExecError(template.Must(template.New("t").Parse(tc.src)).Execute(&strings.Builder{}, tc.data))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v\nwant %s", tc.src, err, tc.want)
		}
		var ee template.ExecError
		if !errors.As(err, &ee) || ee.Name != "t" {
			t.Errorf("%s: %T is no template.ExecError of t", tc.src, err)
		}
	}
	if other := errors.New("write failed"); ExecError(other) != other {
		t.Errorf("an error that is not the template's was changed")
	}
	if ExecError(nil) != nil {
		t.Errorf("a nil error was changed")
	}
}

// TestExecErrorPlacesCalls: the error of a method a rewritten chain
// calls is placed where Go's template places it, at the chain.
func TestExecErrorPlacesCalls(t *testing.T) {
	bad := person{Age: -1, Friends: []person{{Age: -2}}}
	for _, tc := range []struct{ src, want string }{
		{"{{.Check}}", `template: t:1:2: executing "t" at <.Check>: error calling Check: negative age`},
		{"ok {{.Check}}", `template: t:1:5: executing "t" at <.Check>: error calling Check: negative age`},
		{"{{with $p := .}}{{$p.Check}}{{end}}", `template: t:1:20: executing "t" at <$p.Check>: error calling Check: negative age`},
		{"{{printf `%v` .Check}}", `template: t:1:14: executing "t" at <.Check>: error calling Check: negative age`},
	} {
		err := ExecError(Text(template.Must(template.New("t").Parse(tc.src))).Execute(&strings.Builder{}, bad))
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v\nwant %s", tc.src, err, tc.want)
		}
	}
}
