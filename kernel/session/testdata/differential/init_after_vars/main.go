// init functions run after the package's variables have their values,
// and before main; clear removes every key of a map, NaN ones too; a
// deferred call of a named function recovers a division by zero.
package main

import (
	"fmt"
	"math"
)

type registry struct{ names []string }

var reg *registry

var greeting = "hello"

func init() {
	reg = &registry{}
	reg.names = append(reg.names, greeting)
}

func init() {
	reg.names = append(reg.names, "second init")
}

func checkDiv(kind string) {
	if r := recover(); r != nil {
		fmt.Println(kind, r)
	}
}

func div(a, b uint64) uint64 {
	defer checkDiv("uint64")
	return a / b
}

func main() {
	fmt.Println(reg.names)
	m := map[float64]int{math.NaN(): 1, math.NaN(): 2, 1.5: 3}
	clear(m)
	fmt.Println(len(m))
	div(1, 0)
}
