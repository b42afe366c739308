// reflect.TypeOf names the notebook's named types that are not structs
// as Go does, lists their methods, and tells them from their underlying
// types, in an interface too and inside pointers, slices and maps.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

func (c Celsius) String() string      { return fmt.Sprintf("%.1f°C", float64(c)) }
func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }
func (c *Celsius) Warm(d float64)     { *c += Celsius(d) }

type IDs []int

type token struct{}

func describe(v any) {
	t := reflect.TypeOf(v)
	fmt.Printf("%v name=%q pkg=%q kind=%v methods=%d\n", t, t.Name(), t.PkgPath(), t.Kind(), t.NumMethod())
}

func main() {
	c := Celsius(21.5)
	t := reflect.TypeOf(c)
	fmt.Println(t, t.Name(), t.Kind(), t == reflect.TypeOf(0.0), t == reflect.TypeOf(Celsius(0)), t == reflect.TypeFor[Celsius]())
	for i := 0; i < t.NumMethod(); i++ {
		fmt.Println(" ", t.Method(i).Name)
	}
	m, ok := t.MethodByName("Fahrenheit")
	fmt.Println(ok, m.Func.Call([]reflect.Value{reflect.ValueOf(c)})[0])
	pt := reflect.TypeOf(&c)
	fmt.Println(pt, pt.Elem(), pt.NumMethod(), reflect.PointerTo(t) == pt)
	stringer := reflect.TypeFor[fmt.Stringer]()
	fmt.Println(t.Implements(stringer), reflect.TypeOf(1.5).Implements(stringer))
	fmt.Println(t.ConvertibleTo(reflect.TypeOf(0.0)), t.AssignableTo(reflect.TypeOf(0.0)), reflect.TypeOf(IDs{}).AssignableTo(reflect.TypeOf([]int{})))
	describe(c)
	describe(IDs{1, 2})
	describe(token{})
	describe(&c)
	fmt.Println(reflect.TypeOf([]Celsius{}), reflect.TypeOf([]Celsius{}).Elem().Name(), reflect.TypeOf(map[string]*Celsius{}))
	v := reflect.New(t).Elem()
	v.SetFloat(3)
	fmt.Println(v.Float(), reflect.Zero(t).Float(), reflect.MakeSlice(reflect.TypeOf(IDs{}), 2, 2).Len())
}
