// A struct type declared in a function is a type of its own: an
// assertion or a type switch does not take a package-level type, or one
// of another function, of the same name and fields for it (Go's
// test/fixedbugs/bug148.go), and a struct of the same name but other
// fields is not confused with it either.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

type point struct{ X, Y int }

func describe() {
	type point struct {
		Name string
		age  int
	}
	type inner struct{ v int }
	type outer struct {
		inner
		Tags []string
	}
	p := point{"ann", 3}
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	var x any = p
	fmt.Printf("%v %+v %#v %T\n", x, x, x, x)
	b, _ := json.Marshal(p)
	fmt.Println(string(b))
	o := outer{inner{1}, []string{"a"}}
	fmt.Printf("%v %+v %#v\n", o, o, o)
	o.inner.v = 4
	o.v++
	fmt.Println(o.v, o.inner)
	ps := []point{{"b", 2}, {"a", 1}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].age < ps[j].age })
	fmt.Println(ps)
	m := map[point]int{p: 1}
	fmt.Println(m[point{"ann", 3}])
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
	}()
	var y any = point{}
	_ = y.(interface{ M() })
}

type T struct{ a, b int }

func f(x any) any {
	type T struct{ a, b int }
	if x == nil {
		return T{2, 3}
	}
	t, ok := x.(T)
	fmt.Println(t.a, t.b, ok)
	fmt.Printf("%T %v %+v\n", x, x, t)
	return x
}

func g(x any) {
	type T struct{ a, b int }
	_, ok := x.(T)
	fmt.Println("g", ok)
	switch x.(type) {
	case T:
		fmt.Println("g's T")
	default:
		fmt.Println("other")
	}
}

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprint("code ", e.code) }

func errs() {
	type wrapped struct {
		error
		note string
	}
	var e error = wrapped{myErr{3}, "n"}
	var me myErr
	fmt.Println(errors.As(e, &me), me.code, e)
	fmt.Printf("%T %v\n", e, strings.ToUpper(e.Error()))
}

func main() {
	in := f(nil)
	f(in)
	f(T{5, 7})
	g(in)
	g(T{1, 2})
	fmt.Printf("%T %v\n", in, in == any(T{2, 3}))
	describe()
	errs()
	var q any = point{1, 2}
	switch q.(type) {
	case point:
		fmt.Println("outer point")
	}
	func() {
		type point struct{ X, Y int }
		_, ok := q.(point)
		fmt.Println(ok)
		var z any = point{1, 2}
		fmt.Println(z == q, z)
		fmt.Printf("%T\n", z)
		defer func() { fmt.Println(recover()) }()
		_ = z.(string)
	}()
}
