// reflect.Value's FieldByName and FieldByIndex, and reflect.Type's
// FieldByName, of a field of one of the notebook's named types that is
// not a struct, a promoted one too: they knew only its underlying type
// (float64 21.5 for main.Celsius 21.5°C), where Field(i) knew it.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Place struct{ City string }

type Reading struct {
	Temp Celsius
	*Place
	Max Celsius
}

func main() {
	r := Reading{Temp: 21.5, Place: &Place{"Oslo"}, Max: 30}
	v := reflect.ValueOf(r)
	t := v.FieldByName("Temp")
	fmt.Println(t.Type(), t.Interface(), t)
	fmt.Printf("%v %T\n", t.Interface(), t.Interface())
	f, ok := reflect.TypeOf(r).FieldByName("Max")
	fmt.Println(f.Type, f.Name, ok, f.Index)
	fmt.Println(v.FieldByIndex([]int{2}).Type(), v.FieldByName("City"))
	p := reflect.ValueOf(&r).Elem()
	p.FieldByName("Max").Set(reflect.ValueOf(Celsius(35)))
	fmt.Println(r.Max, p.FieldByName("Max").Interface())
	_, c := reflect.TypeOf(r).FieldByName("City")
	fmt.Println(c)
}
