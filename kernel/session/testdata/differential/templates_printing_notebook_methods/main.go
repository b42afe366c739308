// A template printing a value of the notebook's struct types with a
// String, Error or Format method, or a value holding them: {{.}}, {{.Best}},
// {{range .Cards}}{{.}}{{end}}, print and printf's operands, in
// text/template and html/template. A template prints with compiled fmt,
// which saw none of the notebook's methods: {{.}} of a Card printed {3}
// for Go's card#3, a hand [{1} {2}] for [card#1 card#2], a pointer field
// 0xc000..., printf "%s" of it &{%!s(int=9)}, silently. Found by a
// report page written after "100 Go Mistakes" (#10, type embedding),
// whose Event embeds a time.Time after its first field: a template given
// it failed with "reflect: embedded type with methods not implemented
// if type is not first field".
package main

import (
	"fmt"
	htmpl "html/template"
	"image"
	"os"
	"text/template"
	"time"
)

type Card struct{ N int }

func (c Card) String() string { return fmt.Sprint("card#", c.N) }

type Sleeve struct{ N int }

func (s *Sleeve) String() string { return fmt.Sprint("sleeve#", s.N) }

type Refusal struct{ Code int }

func (r Refusal) Error() string { return fmt.Sprintf("refused (%d)", r.Code) }

type Hand struct {
	Owner  string
	Cards  []Card
	Best   *Card
	Tag    fmt.Stringer
	Sleeve Sleeve
}

type Vec struct{ X, Y int }

func (v Vec) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "<%d,%d>", v.X, v.Y) }

type Name struct{ First, Last string }

func (n Name) String() string { return n.First + " " + n.Last }

type Player struct {
	Age int
	Name
}

type Event struct {
	ID int
	time.Time
}

type Spot struct {
	Label string
	image.Point
}

func main() {
	hand := Hand{Owner: "ann", Cards: []Card{{1}, {2}}, Best: &Card{9}, Tag: Card{5}, Sleeve: Sleeve{4}}
	page := template.Must(template.New("hand").Parse(`{{.}}
{{.Owner}} {{.Cards}} {{.Best}} {{.Tag}} {{.Sleeve}}
{{range .Cards}}[{{.}}]{{end}} {{index .Cards 1}} {{with .Best}}{{.N}}{{end}}
{{printf "%s|%v|%d" .Best .Cards 7}} {{print .Best 3}} {{.Best | printf "%q"}}
`))
	for _, data := range []any{hand, &hand} {
		if err := page.Execute(os.Stdout, data); err != nil {
			fmt.Println("error:", err)
		}
	}

	byKey := template.Must(template.New("keys").Parse("{{.card}} {{.sleeve}} {{.missing}} {{.err}}\n"))
	byKey.Execute(os.Stdout, map[string]any{"card": Card{1}, "sleeve": &Sleeve{2}, "err": Refusal{3}})
	var err error = Refusal{4}
	byKey.Execute(os.Stdout, map[string]any{"card": err})

	web := htmpl.Must(htmpl.New("web").Parse(`<p>{{.}}</p><a title="{{.}}">{{. | html}}</a> {{printf "%v" .}}` + "\n"))
	web.Execute(os.Stdout, Card{7})
	web.Execute(os.Stdout, htmpl.HTML("<b>kept</b>"))
	web.Execute(os.Stdout, "<i>")

	people := template.Must(template.New("p").Parse("{{.}} | {{.Name}} | {{.First}} | {{.String}} | {{.Age}}\n"))
	people.Execute(os.Stdout, Player{30, Name{"Ada", "L"}})

	when := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	events := template.Must(template.New("e").Parse("{{.ID}} {{.Year}} {{.}}\n"))
	if err := events.Execute(os.Stdout, Event{1, when}); err != nil {
		fmt.Println("error:", err)
	}
	spots := template.Must(template.New("s").Parse("{{.Label}} {{.X}},{{.Y}} {{.}} {{.Add (.Point)}}\n"))
	if err := spots.Execute(os.Stdout, Spot{"here", image.Pt(2, 3)}); err != nil {
		fmt.Println("error:", err)
	}

	var none *Card
	plain := template.Must(template.New("plain").Parse("{{.}}\n"))
	plain.Execute(os.Stdout, none)
	plain.Execute(os.Stdout, []Card{{1}, {2}})
	plain.Execute(os.Stdout, map[string]Card{"a": {1}})
	plain.Execute(os.Stdout, []Vec{{1, 2}})
	template.Must(template.New("v").Parse("{{.}} {{printf \"%v|%d\" . .X}}\n")).Execute(os.Stdout, Vec{3, 4})
}
