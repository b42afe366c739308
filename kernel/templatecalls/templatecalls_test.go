package templatecalls

import (
	"errors"
	htmltemplate "html/template"
	"strings"
	"testing"
	"text/template"

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
