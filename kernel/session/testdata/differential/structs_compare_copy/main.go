package main

import "fmt"

type point struct{ X, Y int }

func main() {
	a := point{1, 2}
	b := a
	b.X = 10
	fmt.Println(a, b, a == point{1, 2})
	pa := &a
	pa.Y = 20
	fmt.Printf("%v %+v %#v\n", a, a, a)
	arr := [3]int{1, 2, 3}
	arr2 := arr
	arr2[0] = 9
	fmt.Println(arr, arr2, arr == [3]int{1, 2, 3})
}
