// reflect.ValueOf(x) of a value of one of the notebook's named types that
// are not structs knows the type: v.Type() is main.MyInt (The Laws of
// Reflection), equal to reflect.TypeOf(x), and v.NumMethod and
// v.MethodByName find its methods, also through an interface (func
// describe(x any)), and v.Interface() is a value of the type (%T, a type
// switch, its String method). v.Type() was the underlying type, int, the
// methods were none, and v.Interface() an int. %T of the type is
// reflect's, *reflect.rtype, and fmt prints a Value of a Celsius with its
// String method.
package main

import (
	"fmt"
	"reflect"
)

type MyInt int

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type Status string

type IDs []int

func describe(x any) {
	v := reflect.ValueOf(x)
	fmt.Println(v.Type(), v.Kind(), v.Type().Name(), v.NumMethod(), v.String())
}

func kind(x any) string {
	switch x.(type) {
	case MyInt:
		return "MyInt"
	case Celsius:
		return "Celsius"
	case float64:
		return "float64"
	}
	return "other"
}

func main() {
	var x MyInt = 7
	v := reflect.ValueOf(x)
	fmt.Println("type:", v.Type())
	fmt.Println("kind is int:", v.Kind() == reflect.Int)
	fmt.Println(v.Int(), v.CanSet(), v.Type() == reflect.TypeOf(x))

	describe(Celsius(21.5))
	describe(Status("ok"))
	describe(IDs{1, 2})
	describe(3)

	c := Celsius(100)
	cv := reflect.ValueOf(c)
	fmt.Println(cv.Type().Name(), cv.Type().PkgPath(), cv.NumMethod(), cv.Type().Method(0).Name)
	if m := cv.MethodByName("Fahrenheit"); m.IsValid() {
		fmt.Println(m.Call(nil)[0].Float())
	}
	fmt.Println(cv.Method(1).Call(nil)[0])
	values := []reflect.Value{reflect.ValueOf(c), reflect.ValueOf(Status("x")), reflect.ValueOf(1.5)}
	for _, v := range values {
		fmt.Println(v.Type(), v.Kind())
	}
	fmt.Println(reflect.ValueOf(&c).Type(), reflect.ValueOf(IDs{3}).Type().Elem())
	fmt.Printf("%T %T\n", reflect.TypeOf(c), cv.Type())
	fmt.Println(cv)
	fmt.Printf("%v|%s|%.1f|%d\n", cv, cv, cv, reflect.ValueOf(x))

	back := reflect.ValueOf(x).Interface()
	fmt.Printf("%T %v %s\n", back, back, kind(back))
	if n, ok := back.(MyInt); ok {
		fmt.Println("a MyInt again:", n+1)
	}
	temp := reflect.ValueOf(any(Celsius(21.5))).Interface()
	fmt.Printf("%T %v %s %s\n", temp, temp, kind(temp), kind(reflect.ValueOf(2.5).Interface()))
}
