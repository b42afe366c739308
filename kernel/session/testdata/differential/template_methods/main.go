// Templates call the methods of the notebook's struct types: with value
// and pointer receivers, promoted from an embedded struct, with arguments,
// variadic, returning an error, through variables, chains and pipelines,
// in text/template and html/template.
package main

import (
	"errors"
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Money int64

type Item struct {
	Name  string
	Price Money
	Qty   int
}

func (i Item) Total() Money           { return i.Price * Money(i.Qty) }
func (i *Item) Label(p string) string { return p + strings.ToUpper(i.Name) }

type Customer struct{ First, Last string }

func (c Customer) Full() string                 { return c.First + " " + c.Last }
func (c Customer) Initial() byte                { return c.First[0] }
func (c Customer) Greet(g string, n int) string { return strings.Repeat(g, n) + " " + c.First }

type Base struct{ ID int }

func (b Base) Ref() string { return fmt.Sprintf("#%04d", b.ID) }

type Order struct {
	Base
	Customer *Customer
	Items    []Item
	notes    string
}

func (o Order) Sum() (Money, error) {
	var s Money
	for _, it := range o.Items {
		s += it.Total()
	}
	if s > 10000 {
		return 0, errors.New("too much")
	}
	return s, nil
}
func (o Order) Count(extra ...int) int { return len(o.Items) + len(extra) }

const text = `{{define "item"}}- {{.Name}} x{{.Qty}} = {{.Total}} {{.Label "> "}}{{end -}}
Order {{.Ref}} for {{.Customer.Full}} ({{printf "%c" .Customer.Initial}})
{{range .Items}}{{template "item" .}}
{{end}}{{with .Customer}}{{.Greet "hi" 2}}{{end}}
{{$o := .}}{{$o.Count}} {{$o.Count 1 2}} {{.Sum}} {{(.Customer).Full | printf "%q"}}
{{range $i, $it := .Items}}{{$i}}:{{$it.Total}} {{end}}
`

func main() {
	o := Order{Base{42}, &Customer{"Ada", "Lovelace"}, []Item{{"pen", 150, 2}, {"ink", 300, 1}}, "n"}
	t := template.Must(template.New("order").Parse(text))
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println("error:", err)
	}
	if err := t.ExecuteTemplate(os.Stdout, "item", &o.Items[0]); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println()
	big := Order{Base{1}, &Customer{"B", "C"}, []Item{{"gold", 5000, 3}}, ""}
	err := template.Must(template.New("x").Parse("{{.Sum}}\n")).Execute(os.Stdout, big)
	fmt.Println("error:", strings.Contains(fmt.Sprint(err), "error calling Sum: too much"))
	h := htmpl.Must(htmpl.New("h").Parse(`<p>{{.Customer.Full}} & {{.Ref}}</p><a href="/o/{{.Ref}}">{{len .Items}}</a>` + "\n"))
	if err := h.Execute(os.Stdout, o); err != nil {
		fmt.Println("error:", err)
	}
	c := &Customer{"<x>", "y"}
	h2 := htmpl.Must(htmpl.New("h2").Parse("{{.Full}}\n"))
	h2.Execute(os.Stdout, c)
	m := map[string]any{"c": Customer{"M", "N"}, "n": 3}
	template.Must(template.New("m").Parse("{{.c.Full}} {{.n}}\n")).Execute(os.Stdout, m)
}
