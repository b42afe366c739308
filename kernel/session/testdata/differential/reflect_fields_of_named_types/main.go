// A struct's field of one of the notebook's named types that are not
// structs has that type to reflect: t.Field(i).Type and v.Field(i).Type()
// are main.Celsius, not float64, v.Field(i).Interface() is a Celsius (its
// String method prints it), and so through reflect.ValueOf(&r).Elem(),
// where the field can be set.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Status int

type Reading struct {
	Where string
	Temp  Celsius
	State Status
}

func main() {
	r := Reading{"kitchen", 21.5, 2}
	v := reflect.ValueOf(r)
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := v.Field(i)
		fmt.Printf("%s: %v %v %v %v\n", t.Field(i).Name, t.Field(i).Type, f.Type(), f.Kind(), f.Interface())
	}
	p := reflect.ValueOf(&r).Elem()
	p.Field(1).SetFloat(30)
	fmt.Println(p.Field(1).Type(), r.Temp, p.FieldByName("State").Kind())
	sf, _ := t.FieldByName("Temp")
	fmt.Println(sf.Type.Kind(), t.Field(1).Type == reflect.TypeOf(Celsius(0)))
}
