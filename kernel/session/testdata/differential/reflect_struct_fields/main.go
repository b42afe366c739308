// reflect describes the fields of the notebook's struct types as they are
// declared: unexported fields by their names, unexported, found by
// FieldByName; tags as written.
package main

import (
	"fmt"
	"reflect"
)

type person struct {
	Name string `json:"name" db:"name"`
	age  int
	Xmin int `db:"min"`
	tags []string
}

type point struct{ X, Y int }

func main() {
	t := reflect.TypeOf(person{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%s exported=%v tag=%q pkg=%q index=%v\n", f.Name, f.IsExported(), f.Tag, f.PkgPath, f.Index)
	}
	for _, name := range []string{"Name", "age", "Xage", "Xmin", "tags", "missing"} {
		f, ok := t.FieldByName(name)
		fmt.Println(name, ok, f.Name, f.Tag.Get("db"))
	}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(point{})) {
		fmt.Printf("%s %q; ", f.Name, f.Tag)
	}
	fmt.Println()
	for f := range t.Fields() {
		fmt.Print(f.Name, " ")
	}
	fmt.Println(t.FieldByIndex([]int{3}).Name)
}
