// A struct type written in place, with unexported fields, handed on in an
// interface: %+v, %#v and %T, reflect's view of it and a failed assertion
// to one name its fields as declared (n, not the interpreter's Xn), and
// an exported field that only looks renamed (Xpos) keeps its name.
package main

import (
	"fmt"
	"reflect"
)

type point struct {
	Xpos int
	y    int
}

func debug(v any) { fmt.Printf("%+v | %#v | %T\n", v, v, v) }

func main() {
	debug(struct {
		Name string
		age  int
	}{"ann", 3})
	debug([]struct{ lo, hi int }{{1, 2}})
	debug(map[string]struct{ Xq, r int }{"k": {5, 6}})
	debug(point{1, 2})
	debug((chan struct{ k int })(nil))
	var ch any = make(chan struct{ k int })
	fmt.Printf("%T\n", ch)

	v := struct {
		ID    int
		token string
	}{7, "secret"}
	t := reflect.TypeOf(v)
	fmt.Println(t, t.NumField(), t.Field(1).Name, t.Field(1).IsExported())
	f, ok := t.FieldByName("token")
	_, found := t.FieldByName("Xtoken")
	fmt.Println(f.Name, ok, found, reflect.ValueOf(v).Field(1).CanInterface())
	for f := range t.Fields() {
		fmt.Print(f.Name, " ", f.IsExported(), "; ")
	}
	fmt.Println(reflect.VisibleFields(t)[1].Name)

	var w any = struct{ n int }{3}
	defer func() { fmt.Println("recovered:", recover()) }()
	if s, ok := w.(struct{ m int }); !ok {
		fmt.Println("not a struct{ m int }:", s)
	}
	_ = w.(struct {
		m    int
		Name string `json:"name"`
	})
}
