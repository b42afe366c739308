// An element reflect reaches in a slice, an array or a map of the
// notebook's named types (v.Index(i), v.MapIndex(k), v.Elem() of a
// pointer), also of a named one (type Temps []Celsius), has that type: its
// Type is main.Celsius and fmt prints it with its String method. They were
// float64, and t.Elem() of a Temps too.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Temps []Celsius

type Room string

type ByRoom map[Room]Celsius

func main() {
	v := reflect.ValueOf(Temps{1, 2})
	fmt.Println(v.Type(), v.Type().Elem(), v.Index(0).Type(), v.Index(1))
	u := reflect.ValueOf([]Celsius{3})
	fmt.Println(u.Type(), u.Index(0).Type(), u.Index(0).Interface())
	m := reflect.ValueOf(ByRoom{"hall": 18})
	fmt.Println(m.Type(), m.Type().Key(), m.Type().Elem())
	for _, k := range m.MapKeys() {
		fmt.Println(k, m.MapIndex(k).Type(), m.MapIndex(k))
	}
	c := Celsius(5)
	p := reflect.ValueOf(&c)
	fmt.Println(p.Elem().Type(), p.Elem())
	ts := Temps{7}
	e := reflect.ValueOf(&ts).Elem()
	e.Index(0).SetFloat(8)
	fmt.Println(e.Index(0).Type(), ts)
}
