// A template's error names the notebook's struct types as Go does, and
// says a field is unexported where the template may not read it.
package main

import (
	"errors"
	"fmt"
	htmpl "html/template"
	"os"
	"text/template"
)

type Customer struct {
	Name string
}

type Order struct {
	ID       int
	notes    string
	Customer *Customer
}

func main() {
	o := &Order{ID: 1, notes: "n"}
	for _, src := range []string{"{{.notes}}", "{{.Nope}}", "{{.Customer.Name}}", "{{.ID.X}}", "{{.Customer.Zip}}"} {
		t := template.Must(template.New("t").Parse(src))
		err := t.Execute(os.Stdout, o)
		fmt.Println()
		fmt.Println(err)
		var ee template.ExecError
		fmt.Println(errors.As(err, &ee), ee.Name)
	}
	err := template.Must(template.New("t").Parse(`{{define "x"}}{{.Bad}}{{end}}`)).ExecuteTemplate(os.Stdout, "x", *o)
	fmt.Println(err)
	h := htmpl.Must(htmpl.New("h").Parse("<p>{{.notes}}</p>"))
	fmt.Println(h.Execute(os.Stdout, o))
	fmt.Println(htmpl.Must(htmpl.New("h").Parse("<p>{{.Cust}}</p>")).Execute(os.Stdout, []Order{}))
}
