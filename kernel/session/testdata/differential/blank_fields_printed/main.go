// Blank fields printed and reflected: a struct padded with blank fields
// ("100 Go Mistakes", #32's LargeStruct with its _ [1024]int64; cache-line
// padding, #92). goconc names the blank fields of a struct with more than
// one, which the interpreter's reflect.StructOf would take for one field;
// fmt's %+v and %#v printed those names ({foo:z _b1:[0 0]}) and reflect
// gave them as the fields' names.
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type Large struct {
	foo string
	_   [4]int64
}

type Pad struct {
	A int
	_ [2]byte
	B int
	_ int32
}

type One struct {
	_ struct{}
	N int
}

func main() {
	l := Large{foo: "z"}
	fmt.Printf("%+v %#v\n", l, l)
	p := Pad{A: 1, B: 2}
	fmt.Printf("%v %+v %#v\n", p, p, p)
	o := One{N: 3}
	fmt.Printf("%v %+v %#v\n", o, o, o)
	t := reflect.TypeOf(p)
	for i := 0; i < t.NumField(); i++ {
		fmt.Println(t.Field(i).Name, t.Field(i).IsExported(), t.Field(i).Type)
	}
	b, _ := json.Marshal(p)
	fmt.Println(string(b))
	fmt.Printf("%T\n", struct {
		_ int
		_ int
		X int
	}{X: 1})
	fmt.Printf("%+v\n", struct {
		_ int
		_ int
		X int
	}{X: 1})
}
