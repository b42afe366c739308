// encoding/json and the notebook's types made of its other types, and
// structs that embed structs. Learn Go's (Inanc Gumus) marshaler lesson
// gives a list of items (type list []item, item an interface) a
// MarshalJSON method that names each item's type, and decodes books that
// embed a product next to a timestamp with an UnmarshalJSON method:
// json wrote the list element by element, never calling its MarshalJSON
// (a type made of the notebook's types was not registered), and decoded
// no Title and no Price of the embedded product (where json decodes a
// struct in parts, the embedded struct was taken for a field named
// after its type), silently. A Temps []Celsius with an UnmarshalJSON
// method failed to decode ("cannot unmarshal string into Go struct field
// Report.T of type []float64").
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

type part interface{ Label() string }

type bolt struct{ Size int }

func (b *bolt) Label() string { return fmt.Sprint("bolt ", b.Size) }

type nut struct{ Size int }

func (n *nut) Label() string { return fmt.Sprint("nut ", n.Size) }

type parts []part

func (ps parts) MarshalJSON() ([]byte, error) {
	type entry struct {
		Kind string
		Part part
	}
	var out []entry
	for _, p := range ps {
		out = append(out, entry{reflect.TypeOf(p).Elem().Name(), p})
	}
	return json.Marshal(out)
}

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

type Temps []Celsius

func (t Temps) MarshalJSON() ([]byte, error) {
	var s []string
	for _, c := range t {
		s = append(s, fmt.Sprintf("%.0f", float64(c)))
	}
	return json.Marshal(strings.Join(s, "|"))
}

func (t *Temps) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for _, p := range strings.Split(s, "|") {
		var f float64
		fmt.Sscan(p, &f)
		*t = append(*t, Celsius(f))
	}
	return nil
}

type Person struct {
	Name string
	age  int
}

type People map[string]Person

func (p People) MarshalJSON() ([]byte, error) { return json.Marshal(len(p)) }

type Report struct {
	T  Temps
	P  People
	CS []Celsius
}

// A field with an UnmarshalJSON method makes json decode its struct in
// parts.
type Level int

func (l *Level) UnmarshalJSON(b []byte) error {
	*l = Level(len(b))
	return nil
}

type Base struct {
	ID    int
	Name  string
	Level Level
}

type Meta struct {
	Tags []string
	Lv   Level
}

type Doc struct {
	Base
	Meta
	Name  string // hides Base.Name
	Extra Level
}

type PDoc struct {
	*Base
	Title string
	X     Level
}

type Deep struct {
	Doc
	Note string
}

func main() {
	ps := parts{&bolt{3}, &nut{5}}
	b, err := json.Marshal(ps)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(struct{ Parts parts }{ps}, "", " ")
	fmt.Println(string(b))

	t := Temps{21.5, 30}
	b, err = json.Marshal(t)
	fmt.Println(string(b), err)
	b, _ = json.Marshal(Report{t, People{"a": {"A", 3}}, []Celsius{1}})
	fmt.Println(string(b))
	var r Report
	err = json.Unmarshal([]byte(`{"T":"1|2|3","CS":[5]}`), &r)
	fmt.Println(r.T, len(r.T), err)
	var back Temps
	fmt.Println(json.Unmarshal([]byte(`"7|8"`), &back), back)
	b, _ = json.Marshal(map[string]Temps{"x": {1}})
	fmt.Println(string(b))

	in := `{"ID":7,"Name":"outer","Level":"abc","Tags":["a","b"],"Lv":1234,"Extra":"zz","name":"lower"}`
	var d Doc
	err = json.Unmarshal([]byte(in), &d)
	fmt.Printf("%+v %v\n", d, err)
	var p PDoc
	err = json.Unmarshal([]byte(`{"ID":3,"Title":"t","X":"12"}`), &p)
	fmt.Printf("%+v %+v %v\n", p.Base, p.Title, err)
	var p2 PDoc
	err = json.Unmarshal([]byte(`{"Title":"t","X":"12"}`), &p2)
	fmt.Println(p2.Base == nil, err)
	var dp Deep
	err = json.Unmarshal([]byte(`{"ID":1,"Note":"n","Level":"xy","Lv":5}`), &dp)
	fmt.Printf("%+v %v\n", dp, err)
	dec := json.NewDecoder(strings.NewReader(`{"ID":2,"Lv":"q","Bogus":1}`))
	dec.DisallowUnknownFields()
	var d2 Doc
	fmt.Println(dec.Decode(&d2), d2.ID, d2.Lv)
	var ds []Doc
	fmt.Println(json.Unmarshal([]byte(`[{"ID":1,"Lv":"a"},{"ID":2,"Level":"bb"}]`), &ds), ds)
}
