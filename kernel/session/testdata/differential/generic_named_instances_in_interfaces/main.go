// Instances of generic named types that are not structs keep their
// identity in interfaces, and %T and %#v name them as Go does.
package main

import "fmt"

type Box[T any] []T

type Num[T any] int

func main() {
	var x any = Box[int]{1}
	switch x.(type) {
	case []int:
		fmt.Println("[]int")
	case Box[int]:
		fmt.Println("Box[int]")
	}
	_, ok := x.(Box[int])
	_, isSlice := x.([]int)
	fmt.Printf("%v %v %T %#v\n", ok, isSlice, x, x)
	var y any = Num[string](3)
	fmt.Println(y == any(Num[string](3)), y == any(3), y == any(Num[int](3)))
	fmt.Printf("%T %#v\n", y, y)
}
