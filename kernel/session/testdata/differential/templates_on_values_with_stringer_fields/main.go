// A template calls the methods of the notebook's struct values whose
// fields are of named types with a String method. goconc hands a template
// a copy of its data in which such a field holds a value whose String
// method the template calls; the copy has none of the struct's methods:
// {{.Shout}} of a Report with a Celsius field failed with "can't
// evaluate field Shout in type struct {...}". The method gets the value
// back, its fields converted back.
package main

import (
	"fmt"
	"html/template"
	"os"
	ttemplate "text/template"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Station struct {
	Name string
	At   Celsius
}

func (s *Station) Label() string { return "[" + s.Name + "]" }

func (s Station) Warm(limit float64) bool { return float64(s.At) > limit }

type Report struct {
	City     string
	Temp     Celsius
	Stations []Station
	Main     *Station
	ByName   map[string]Station
}

func (r Report) Shout() string { return r.City + "!" }

const text = `{{.Shout}} {{.Temp}}
{{range .Stations}}{{.Name}} {{.At}} warm={{.Warm 10.0}}
{{end}}{{.Main.Label}} {{.Main.At}} {{(index .ByName "x").Warm 1.0}}
`

func main() {
	r := Report{"Oslo", 3, []Station{{"a", 12}, {"b", 4}}, &Station{"m", 7}, map[string]Station{"x": {"x", 2}}}
	t := ttemplate.Must(ttemplate.New("t").Parse(text))
	fmt.Println(t.Execute(os.Stdout, r))
	h := template.Must(template.New("h").Parse(text))
	fmt.Println(h.Execute(os.Stdout, &r))
}
