// A template's printf, print and println show the notebook's struct
// types as Go's fmt does: %T names them, %+v and %#v write their
// unexported fields as declared; a printf the template was given stays
// the template's own.
package main

import (
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	price int
	Tags  []string
	next  *Item
}

type Card struct{ n int }

func (c Card) String() string { return fmt.Sprintf("card#%d", c.n) }

type Hand struct {
	Cards []Card
	owner string
}

func main() {
	it := Item{"pen", 3, []string{"a"}, nil}
	t := template.Must(template.New("x").Parse(`{{printf "%[1]T %[1]v %+[1]v" .}} {{. | printf "%T|%+v"}} {{printf "%5.3T|%-12T|" . .Name}} {{printf "%d %T %s" .Tags .Tags .Name}} {{printf "%v %T" nil 3}}
`))
	if err := t.Execute(os.Stdout, it); err != nil {
		fmt.Println(err)
	}
	t.Execute(os.Stdout, &it)
	own := template.Must(template.New("o").Funcs(template.FuncMap{"printf": func(f string, a ...any) string { return "mine:" + f }}).Parse(`{{printf "%T" .}}
`))
	own.Execute(os.Stdout, it)
	h := Hand{[]Card{{1}, {2}}, "ann"}
	t2 := template.Must(template.New("h").Parse(`{{.}} {{printf "%v %+v %T %s" . . . .Cards}} {{print .Cards .}} {{println .}}`))
	t2.Execute(os.Stdout, h)
	ht := htmpl.Must(htmpl.New("h").Parse(`<p>{{printf "%+v <%T>" . .}}</p>{{.Name}}
`))
	var b strings.Builder
	ht.Execute(&b, it)
	fmt.Print(b.String())
	t3 := template.Must(template.New("e").Parse(`{{printf "%T %d %!" . }} {{printf "%[3]T" .}} {{printf "%[2]T %v" . 1}}
`))
	t3.Execute(os.Stdout, it)
}
