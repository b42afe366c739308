// reflect sets fields and elements of one of the notebook's interfaces:
// a merge of two structs field by field, a value put in place of
// another, nil, and a slice's element; the program sees each.
package main

import (
	"fmt"
	"reflect"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Square float64

func (s Square) Area() float64 { return float64(s * s) }

type Scene struct {
	Name string
	Main Shape
	All  []Shape
	Spot Shape
}

// merge fills the zero fields of dst from src.
func merge(dst, src any) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := 0; i < d.NumField(); i++ {
		if d.Field(i).IsZero() {
			d.Field(i).Set(s.Field(i))
		}
	}
}

func main() {
	a := Scene{Name: "a"}
	b := Scene{Name: "b", Main: Rect{2, 3}, All: []Shape{Rect{1, 1}, Square(2)}, Spot: Square(3)}
	merge(&a, &b)
	fmt.Println(a.Name, a.Main.Area(), len(a.All), a.Spot.Area())

	v := reflect.ValueOf(&a).Elem()
	m := v.FieldByName("Main")
	fmt.Println(m.Kind(), m.CanSet(), m.Elem().Type())
	m.Set(reflect.ValueOf(Rect{5, 5}))
	fmt.Println(a.Main.Area(), m.Elem().Interface())
	v.Field(2).Index(0).Set(reflect.ValueOf(Square(4)))
	fmt.Println(a.All[0].Area(), a.All[0])
	v.Field(3).Set(reflect.Zero(v.Field(3).Type()))
	fmt.Println(a.Spot == nil, a.Main.Area())
	v.Field(3).Set(v.Field(1))
	fmt.Println(a.Spot.Area(), a.Spot)

	// A map of them, filled by reflect from a slice of them.
	byName := reflect.MakeMap(reflect.TypeOf(map[string]Shape{}))
	for i := 0; i < v.Field(2).Len(); i++ {
		byName.SetMapIndex(reflect.ValueOf(fmt.Sprint("s", i)), v.Field(2).Index(i))
	}
	byName.SetMapIndex(reflect.ValueOf("rect"), reflect.ValueOf(Rect{1, 2}))
	shapes := byName.Interface().(map[string]Shape)
	fmt.Println(len(shapes), shapes["s0"].Area(), shapes["s1"].Area(), shapes["rect"].Area())

	// And a slice, appended to by reflect.
	all := reflect.ValueOf([]Shape{})
	for _, k := range []string{"rect", "s0"} {
		all = reflect.Append(all, byName.MapIndex(reflect.ValueOf(k)))
	}
	all = reflect.Append(all, reflect.ValueOf(Square(5)))
	fmt.Println(all.Len(), all.Interface().([]Shape)[2].Area(), all.Index(0).Elem().Interface())
}
