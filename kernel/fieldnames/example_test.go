package fieldnames_test

import (
	"fmt"
	"reflect"
	"time"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// The interpreter's type for
//
//	type person struct {
//		Name string
//		age  int
//		wait time.Duration
//	}
//
// is a struct made by reflect.StructOf, which exports every field.
func interpretersPerson() any {
	t := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: reflect.TypeFor[string]()},
		{Name: "Xage", Type: reflect.TypeFor[int]()},
		{Name: "Xwait", Type: reflect.TypeFor[time.Duration]()},
	})
	v := reflect.New(t).Elem()
	v.Field(0).SetString("ann")
	v.Field(1).SetInt(42)
	v.Field(2).SetInt(int64(time.Second))
	return v.Interface()
}

func ExampleValue() {
	p := interpretersPerson()
	fmt.Printf("fmt:        %+v\n", p)
	fmt.Printf("fieldnames: %+v\n", fieldnames.Value(p, ""))
	fmt.Printf("%#v\n", fieldnames.Value(p, "", p, "main.person", nil))
	// Output:
	// fmt:        {Name:ann Xage:42 Xwait:1s}
	// fieldnames: {Name:ann age:42 wait:1000000000}
	// main.person{Name:"ann", age:42, wait:1000000000}
}

func ExampleValue_exported() {
	// type box struct{ Xmin, Xmax int; label string }: Xmin and Xmax are
	// the program's own exported names.
	t := reflect.StructOf([]reflect.StructField{
		{Name: "Xmin", Type: reflect.TypeFor[int]()},
		{Name: "Xmax", Type: reflect.TypeFor[int]()},
		{Name: "Xlabel", Type: reflect.TypeFor[string]()},
	})
	b := reflect.New(t).Elem().Interface()
	fmt.Printf("%+v\n", fieldnames.Value(b, "Xmin,Xmax"))
	// Output:
	// {Xmin:0 Xmax:0 label:}
}
