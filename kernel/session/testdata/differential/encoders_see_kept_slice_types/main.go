// A slice or a map of the notebook's named types with methods that went
// into an interface (map[string]any{"lv": []Level{0, 1}}, a field of type
// any, a func(v any)) is encoded by json and xml, and printed by a
// template, through its elements' methods, as Go does: to reflect it is a
// []int, and the cell's kept shape of it names Level.
package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"text/template"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte([]string{"low", "high"}[l]), nil }
func (l *Level) UnmarshalText(b []byte) error {
	if string(b) == "high" {
		*l = 1
	} else {
		*l = 0
	}
	return nil
}

type Status int

func (s Status) MarshalJSON() ([]byte, error) { return json.Marshal(fmt.Sprint("S", int(s))) }

type Wrap struct {
	Any any
	L   []Status
}

func show(v any) {
	b, err := json.Marshal(v)
	fmt.Println(string(b), err)
}

type Doc struct {
	XMLName xml.Name `xml:"doc"`
	Any     any      `xml:"any"`
}

func main() {
	show([]Status{1, 2})
	b, _ := json.Marshal([]Status{1, 2})
	fmt.Println(string(b))
	show(map[string]any{"a": []Status{3}, "b": Status(4), "c": map[string]Status{"x": 5}})
	show(Wrap{Any: []Status{8}, L: []Status{9}})
	var x any = []Status{10}
	show(x)
	show([]any{Status(11), []Status{12}})
	m := map[Status]int{13: 1}
	show(m)
	fmt.Printf("%v %T\n", x, x)
	data := map[string]any{"temps": []Celsius{21.5, 30}, "one": Celsius(3), "m": map[string]Celsius{"x": 1}}
	template.Must(template.New("t").Parse("{{.temps}} {{.one}} {{.m}} {{range .temps}}{{.}};{{end}} {{index .temps 0}}\n")).Execute(os.Stdout, data)
	b, err := json.Marshal(map[string]any{"lv": []Level{0, 1}, "k": map[Level]int{1: 2}})
	fmt.Println(string(b), err)
	out, err := xml.Marshal(Doc{Any: []Level{1, 0}})
	fmt.Println(string(out), err)
	var lv []Level
	fmt.Println(json.Unmarshal([]byte(`["high","low"]`), &lv), lv)
	var anyl any = []Level{1}
	fmt.Printf("%v %s %T\n", anyl, anyl, anyl)
	fmt.Println(fmt.Sprint(anyl), []any{[]Celsius{1}})
}
