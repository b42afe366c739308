// reflect.DeepEqual of operands of two types is false, whatever they hold
// (after Ardan Labs' Go training, whose reflection lesson compares a
// slice of a named type with a slice of its underlying type): to reflect,
// a []MyInt is an []int, a Temps a []float64, and DeepEqual found them
// equal. Both operands are still evaluated.
package main

import (
	"fmt"
	"reflect"
)

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }

type Temps []float64

type Point struct{ X, Y int }

type Vec Point

func main() {
	fmt.Println(reflect.DeepEqual([]MyInt{1}, []int{1}), reflect.DeepEqual([]MyInt{1}, []MyInt{1}))
	fmt.Println(reflect.DeepEqual(MyInt(1), 1), reflect.DeepEqual(Temps{1}, []float64{1}))
	fmt.Println(reflect.DeepEqual(map[string]MyInt{"a": 1}, map[string]int{"a": 1}))
	fmt.Println(reflect.DeepEqual(Point{1, 2}, Vec{1, 2}), reflect.DeepEqual(Point{1, 2}, Point(Vec{1, 2})))
	fmt.Println(reflect.DeepEqual(nil, nil), reflect.DeepEqual(1, 1.0), reflect.DeepEqual(int64(1), 1))
	calls := 0
	next := func() []int { calls++; return []int{calls} }
	fmt.Println(reflect.DeepEqual(Temps{1}, next()), reflect.DeepEqual(next(), []int{2}), calls)
	var a, b any = []MyInt{3}, []MyInt{3}
	fmt.Println(reflect.DeepEqual(a, b))
}
