// == of two interfaces holding one named type that cannot be compared
// panics naming that type (after Jon Bodner's Learning Go, whose Doubler
// lesson compares two DoubleIntSlice values through an interface): to
// reflect, a DoubleIntSlice is an []int, and the panic said
// "comparing uncomparable type []int".
package main

import "fmt"

type Doubler interface{ Double() }

type DoubleInt int

func (di *DoubleInt) Double() { *di *= 2 }

type DoubleIntSlice []int

func (dis DoubleIntSlice) Double() {
	for i := range dis {
		dis[i] *= 2
	}
}

type Lookup map[string]int

func (Lookup) Double() {}

type Op func(int) int

func (Op) Double() {}

func compare(d1, d2 Doubler) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
		}
	}()
	fmt.Println(d1 == d2)
}

func main() {
	var di, di2 DoubleInt = 10, 10
	dis, dis2 := DoubleIntSlice{1, 2, 3}, DoubleIntSlice{1, 2, 3}
	compare(&di, &di2)
	compare(&di, &di)
	compare(&di, dis)
	compare(dis, dis2)
	compare(Lookup{}, Lookup{})
	compare(Op(nil), Op(nil))
	var a, b any = dis, DoubleIntSlice{}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(a == b)
	}()
}
