package main

import (
	"fmt"
	"math"
)

func main() {
	var b uint8 = 255
	b++
	var i int8 = 127
	i++
	fmt.Println(b, i, int64(math.MaxInt32)+1, uint32(1<<32-1))
	f := 3.99
	fmt.Println(int(f), int(-f), float32(0.1) == 0.1, 7/2, -7/2, 7%3, -7%3)
	fmt.Println(1<<62, math.Inf(1), math.NaN() == math.NaN())
}
