// The types goconc names otherwise for its interpreter, a struct type
// declared in a function (Itemᐧlocal) and an instance of a generic type
// (Boxᐸintᐳ), are named as declared wherever Go names them: xml's
// element names (A for A[string,int]), json's errors (Box[int].v), an
// embedded field's name in %+v and %#v (Go's test/typeparam/issue48318.go).
package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
)

type Box[T any] struct {
	V T `json:"v"`
}

type W struct {
	Box[int]
	N int
}

type A[T, U any] struct {
	Name T `xml:"name"`
	Data U `xml:"data"`
}

func local() {
	type Item struct {
		Name string `xml:"name" json:"name"`
		Qty  int    `xml:"qty" json:"qty"`
	}
	out, err := xml.Marshal(Item{"pen", 2})
	fmt.Println(string(out), err)
	out, err = xml.Marshal([]Item{{"a", 1}})
	fmt.Println(string(out), err)
	var it Item
	err = json.Unmarshal([]byte(`{"name":"x","qty":"many"}`), &it)
	fmt.Println(err)
	fmt.Printf("%T %v %+v %#v\n", it, it, it, it)
	fmt.Println(reflect.TypeOf(it).Name(), reflect.TypeOf(it).String(), reflect.TypeOf(it))
	var x any = it
	_, ok := x.(Item)
	fmt.Println(ok)
	type Wrap struct {
		Item
		N int
	}
	w := Wrap{it, 1}
	fmt.Printf("%+v %#v\n", w, w)
	b, _ := json.Marshal(w)
	fmt.Println(string(b))
	defer func() { fmt.Println(recover()) }()
	_ = x.(Wrap)
}

func main() {
	local()
	var b Box[int]
	fmt.Println(json.Unmarshal([]byte(`{"v":"x"}`), &b))
	w := W{Box[int]{1}, 2}
	fmt.Printf("%+v %#v\n", w, w)
	var x any = w
	fmt.Printf("%+v\n", x)
	func() {
		type loc struct{ a int }
		type outer struct {
			loc
			B int
		}
		var y any = outer{loc{1}, 2}
		fmt.Printf("%+v %#v\n", y, y)
	}()

	src := &A[string, int]{Name: "name", Data: 1}
	data, err := xml.Marshal(src)
	fmt.Println(string(data), err)
	dst := &A[string, int]{}
	err = xml.Unmarshal(data, dst)
	fmt.Println(err, *dst)
}
