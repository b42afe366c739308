package templatecalls

import (
	"errors"
	htmltemplate "html/template"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/methodsets"
)

// person stands for a notebook struct type: it has no methods to
// reflect, and registers functions as the cell registers its methods.
type person struct {
	First, Last string
	Age         int
	Friends     []person
	age         int
}

func init() {
	methodsets.Register((*person)(nil), "Full", func(p person) string { return p.First + " " + p.Last })
	methodsets.Register((*person)(nil), "Older", func(p *person, years int) int { p.Age += years; return p.Age })
	methodsets.Register((*person)(nil), "Check", func(p person) (bool, error) {
		if p.Age < 0 {
			return false, errors.New("negative age")
		}
		return true, nil
	})
	methodsets.Register((*person)(nil), "Join", func(p person, sep string, more ...string) string {
		return strings.Join(append([]string{p.First}, more...), sep)
	})
}

func TestText(t *testing.T) {
	ada := person{First: "Ada", Last: "L", Age: 36, Friends: []person{{First: "Bob", Last: "B"}}}
	tests := []struct {
		text string
		data any
		want string // or the error's end
	}{
		{"{{.Full}}", ada, "Ada L"},
		{"{{.Full}}", &ada, "Ada L"},
		{"{{printf `%q` .Full}}", ada, `"Ada L"`},
		{"{{.Full | printf `<%s>`}}", ada, "<Ada L>"},
		{"{{range .Friends}}{{.Full}};{{.Older 2}}{{end}}", ada, "Bob B;2"},
		{"{{$p := .}}{{$p.Join `-` `x` `y`}} {{.Join `+`}}", ada, "Ada-x-y Ada"},
		{"{{with .Friends}}{{(index . 0).Full}}{{end}}", ada, "Bob B"},
		{"{{.Check}}", ada, "true"},
		{"{{.Check}}", person{Age: -1}, "error calling Check: negative age"},
		{"{{.Full 1}}", ada, "wrong number of args for Full: want 0 got 1"},
		{"{{.First}} {{.Age}}", ada, "Ada 36"},
		{"{{.Older `x`}}", &ada, "wrong type for value; expected int; got string"},
		{"{{.Full.Len}}", ada, "can't evaluate field Len in type string"},
		{"{{.Nobody.Full}}", ada, "can't evaluate field Nobody in type templatecalls.person"},
		{"{{.m.Full}}", map[string]any{"m": ada}, "Ada L"},
	}
	for _, tt := range tests {
		tmpl := Text(template.Must(template.New("t").Parse(tt.text)))
		var b strings.Builder
		err := tmpl.Execute(&b, tt.data)
		got := b.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.HasSuffix(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHTML(t *testing.T) {
	tmpl := HTML(htmltemplate.Must(htmltemplate.New("h").Parse(`<a title="{{.Full}}">{{.Join ", " "<b>"}}</a>`)))
	var b strings.Builder
	if err := tmpl.Execute(&b, person{First: "A&B", Last: "C"}); err != nil {
		t.Fatal(err)
	}
	if want := `<a title="A&amp;B C">A&amp;B, &lt;b&gt;</a>`; b.String() != want {
		t.Errorf("got %s, want %s", b.String(), want)
	}
}

// A template's own function of a method's name keeps its name.
func TestFunctionOfAMethodsName(t *testing.T) {
	tmpl := template.Must(template.New("t").Funcs(template.FuncMap{"Full": func() string { return "own" }}).Parse("{{Full}} {{.Full}}"))
	var b strings.Builder
	if err := Text(tmpl).Execute(&b, person{First: "A", Last: "B"}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "own A B" {
		t.Errorf("got %q, want %q", b.String(), "own A B")
	}
}

// printf and print show the notebook's struct types as Go's fmt does:
// their names for %T and %#v, their fields as declared for %+v; a printf
// the template was given stays its own.
func TestPrintingNamesGoTypes(t *testing.T) {
	fieldnames.RegisterStructName(order, "main.Order")
	o := reflect.New(order)
	o.Elem().Field(0).SetInt(1)
	o.Elem().Field(1).SetString("n")
	for _, tt := range []struct {
		text string
		data any
		want string
	}{
		{`{{printf "%T %+v" . .}}`, o.Elem().Interface(), "main.Order {ID:1 notes:n}"},
		{`{{printf "%[1]T %#[1]v" .}}`, o.Elem().Interface(), `main.Order main.Order{ID:1, notes:"n"}`},
		{`{{. | printf "%-12[1]T|%[1]v"}}`, o.Interface(), "*main.Order |&{1 n}"},
		{`{{printf "%T %T %d" .ID nil 2}}`, o.Interface(), "int <nil> 2"},
		{`{{print .}} {{println .}}`, o.Interface(), "&{1 n} &{1 n}\n"},
		{`{{define "T"}}{{printf "%T" .}}{{end}}{{template "T"}}|{{template "T" .}}`, o.Interface(), "<nil>|*main.Order"},
	} {
		var b strings.Builder
		if err := Text(template.Must(template.New("t").Parse(tt.text))).Execute(&b, tt.data); err != nil {
			t.Fatalf("%s: %v", tt.text, err)
		}
		if b.String() != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, b.String(), tt.want)
		}
	}
	own := template.Must(template.New("o").Funcs(template.FuncMap{"printf": func(string, ...any) string { return "own" }}).Parse(`{{printf "%T" .}}`))
	var b strings.Builder
	if err := Text(own).Execute(&b, o.Interface()); err != nil || b.String() != "own" {
		t.Errorf("a template's own printf: got %q, %v; want own", b.String(), err)
	}
	b.Reset()
	h := HTML(htmltemplate.Must(htmltemplate.New("h").Parse(`<p>{{printf "%T %+v" . .}}</p>`)))
	if err := h.Execute(&b, o.Interface()); err != nil || b.String() != "<p>*main.Order &amp;{ID:1 notes:n}</p>" {
		t.Errorf("html/template: got %q, %v", b.String(), err)
	}
}

// Clones share their trees with the template they were cloned from, not
// the functions the rewritten trees call: each template gets them.
func TestClonesShareTrees(t *testing.T) {
	base := template.Must(template.New("t").Parse("{{.Full}} {{printf `%v` .First}}"))
	a, b := template.Must(base.Clone()), template.Must(base.Clone())
	for i, tmpl := range []*template.Template{a, b, base} {
		var out strings.Builder
		if err := Text(tmpl).Execute(&out, person{First: "Ada", Last: "L"}); err != nil || out.String() != "Ada L Ada" {
			t.Errorf("template %d: got %q, %v; want %q", i, out.String(), err, "Ada L Ada")
		}
	}
}
