// A map with interface keys panics on a key whose type cannot be hashed,
// naming the type as the program declares it.
package main

import "fmt"

type point struct{ x, y int }

type path struct {
	name  string
	steps []point
}

func put(m map[any]int, k any) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("panic:", r)
		}
	}()
	m[k]++
	fmt.Println("stored", k)
}

func main() {
	m := map[any]int{}
	put(m, point{1, 2})
	put(m, "key")
	put(m, path{"p", nil})
	put(m, []int{1})
	put(m, point{1, 2})
	fmt.Println(len(m), m[point{1, 2}])
}
