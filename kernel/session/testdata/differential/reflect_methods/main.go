// reflect lists and calls the methods of the notebook's struct types:
// a value's method set holds the methods with value receivers, a
// pointer's all of them, promoted ones too, sorted by name.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Base struct{ id int }

func (b Base) ID() int { return b.id }

type User struct {
	Base
	Name string
	tags []string
}

func (u User) Greet(greeting string) string { return greeting + ", " + u.Name }
func (u *User) Rename(name string)          { u.Name = name }
func (u User) Tags(sep string, extra ...string) string {
	return strings.Join(append(u.tags, extra...), sep)
}
func (u User) hidden() {}

type Shouter interface{ Greet(string) string }

func main() {
	u := User{Base{7}, "Ann", []string{"a", "b"}}
	for _, t := range []reflect.Type{reflect.TypeOf(u), reflect.TypeOf(&u)} {
		fmt.Println(t.NumMethod(), "methods")
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			fmt.Println(" ", m.Index, m.Name, m.Type.NumIn(), m.Type.IsVariadic())
		}
		_, ok := t.MethodByName("Rename")
		fmt.Println("  Rename:", ok)
	}
	v := reflect.ValueOf(u)
	fmt.Println(v.NumMethod(), v.MethodByName("Greet").Call([]reflect.Value{reflect.ValueOf("hello")})[0])
	fmt.Println(v.MethodByName("Rename").IsValid(), v.MethodByName("hidden").IsValid())
	tags := v.MethodByName("Tags").Call([]reflect.Value{reflect.ValueOf("+"), reflect.ValueOf("c"), reflect.ValueOf("d")})
	fmt.Println(tags[0])
	p := reflect.ValueOf(&u)
	p.MethodByName("Rename").Call([]reflect.Value{reflect.ValueOf("Bob")})
	fmt.Println(u.Name, p.Method(1).Call(nil)[0], p.NumMethod())
	m, _ := reflect.TypeOf(&u).MethodByName("Greet")
	fmt.Println(m.Func.Call([]reflect.Value{reflect.ValueOf(&u), reflect.ValueOf("hi")})[0])
	shouter := reflect.TypeOf((*Shouter)(nil)).Elem()
	stringer := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	fmt.Println(reflect.TypeOf(u).Implements(shouter), reflect.TypeOf(u).Implements(stringer))
	fmt.Println(reflect.TypeOf(Base{}).NumMethod(), reflect.TypeOf(struct{ X int }{}).NumMethod())
}
