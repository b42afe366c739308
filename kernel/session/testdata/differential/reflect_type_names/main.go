// reflect.TypeOf of the program's struct types names them as Go does,
// printed and through Name, String and PkgPath, alone and inside other
// types; a type of the standard library keeps its own.
package main

import (
	"fmt"
	"reflect"
	"sync"
	"time"
)

type point struct{ X, Y int }

type Shape interface{ Area() float64 }

type square struct{ side float64 }

func (s square) Area() float64 { return s.side * s.side }

type job struct {
	id   int
	done chan struct{}
}

func describe(v any) string {
	t := reflect.TypeOf(v)
	return fmt.Sprintf("%s kind=%s name=%q pkg=%q", t, t.Kind(), t.Name(), t.PkgPath())
}

func main() {
	p := point{1, 2}
	fmt.Println(reflect.TypeOf(p), reflect.TypeOf(&p), reflect.TypeOf([]point{}))
	fmt.Println(reflect.TypeOf(map[string]*point{}), reflect.TypeOf(make(chan job)))
	t := reflect.TypeOf(p)
	fmt.Println(t.Name(), t.String(), t.PkgPath(), t.Kind(), t.NumField())
	fmt.Printf("%v|%s|%q\n", t, t, t)
	var s Shape = square{2}
	fmt.Println(reflect.TypeOf(s), reflect.TypeOf(s).Name())
	fmt.Println(describe(job{id: 1}))
	fmt.Println(describe(&sync.WaitGroup{}))
	fmt.Println(describe(time.Second))
	fmt.Println(describe(42))
	v := reflect.ValueOf(point{3, 4})
	fmt.Println(v.Type(), v.Type().Field(1).Name, v.Field(1))
}
