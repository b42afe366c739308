// text/template and html/template print a value of a named type that is
// not a struct by its String method, in a field, an element, a map's value,
// under a pointer or in an interface; comparisons and printf's numeric
// verbs see the number, as Go's do.
package main

import (
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Status int

const (
	Todo Status = iota
	Done
)

func (s Status) String() string { return [...]string{"todo", "done"}[s] }

type Level string

func (l Level) String() string { return strings.ToUpper(string(l)) }

type Task struct {
	Name   string
	Status Status
	Level  Level
	Temps  []Celsius
	Best   *Celsius
	ByDay  map[string]Celsius
}

func main() {
	b := Celsius(30)
	tasks := []Task{
		{"wash", Done, "low", []Celsius{1, 2.5}, &b, map[string]Celsius{"mon": 3}},
		{"cook", Todo, "high", nil, nil, nil},
	}
	t := template.Must(template.New("t").Parse(`{{range .}}{{.Name}}: {{.Status}} {{.Level}} {{if eq .Status 1}}(finished){{end}}{{range .Temps}} {{.}}{{end}}{{with .Best}} best {{.}}{{end}}{{range $d, $c := .ByDay}} {{$d}}={{$c}}{{end}} {{printf "%d|%v|%s" .Status .Status .Level}} {{.Status.String}}
{{end}}`))
	if err := t.Execute(os.Stdout, tasks); err != nil {
		fmt.Println(err)
	}
	h := htmpl.Must(htmpl.New("h").Parse(`<p>{{.Name}} is {{.Status}} at {{index .Temps 0}}</p>` + "\n"))
	h.Execute(os.Stdout, tasks[0])
	t2 := template.Must(template.New("outer").Parse(`{{define "x"}}[{{.}}]{{end}}{{template "x" .}}` + "\n"))
	t2.ExecuteTemplate(os.Stdout, "outer", Celsius(4))
	var anyv any = Status(1)
	t2.Execute(os.Stdout, map[string]any{"v": anyv})
	template.Must(template.New("y").Parse("{{.v}} {{lt .c 5.0}}\n")).Execute(os.Stdout, map[string]any{"v": anyv, "c": Celsius(4)})
}
