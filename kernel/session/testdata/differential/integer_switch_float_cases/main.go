// A switch on an integer compares it with cases written as floats
// (1e6) as integers.
package main

import "fmt"

func magnitude(n uint64) string {
	switch n {
	case 1e3:
		return "thousand"
	case 1e6, 1e9:
		return "million or billion"
	case 1e16, 1e17, 1e18:
		return "huge power of ten"
	}
	return "other"
}

const Limit = 2.5e3

const Big = 1e17

func main() {
	for _, n := range []uint64{1000, 1e6, 1e9 + 1, 1e16, 1e16 + 1, 1e17 - 1, 1e18} {
		fmt.Println(n, magnitude(n))
	}
	var k int64 = 2500
	switch k {
	case Limit:
		fmt.Println("at the limit")
	default:
		fmt.Println("not at the limit")
	}
	var v uint64 = Big + 1
	switch v {
	case Big:
		fmt.Println("big")
	default:
		fmt.Println("just past big")
	}
}
