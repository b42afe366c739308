package main

import "fmt"

// delete with a constant key: the constant is of the map's key type.

type Level int8
type Name string

func main() {
	prices := map[float32]int{0.5: 1, 1: 2, 2.25: 3}
	delete(prices, 0.5)
	delete(prices, 1)
	fmt.Println(prices)

	levels := map[Level]string{1: "debug", 2: "info"}
	delete(levels, 1)
	const warn = 2
	delete(levels, warn)
	fmt.Println(len(levels))

	owners := map[Name]int{"ann": 1, "bob": 2}
	delete(owners, "ann")
	fmt.Println(owners)

	seen := map[any]bool{1: true, int64(1): true, 1.5: true}
	delete(seen, 1)
	delete(seen, 1.5)
	fmt.Println(len(seen), seen[int64(1)])

	var bytes = map[byte]rune{'a': 'A', 'b': 'B'}
	delete(bytes, 'a')
	fmt.Println(bytes)
}
