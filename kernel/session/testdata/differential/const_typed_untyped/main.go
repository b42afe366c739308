package main

import "fmt"

const big = 1 << 100

func main() {
	fmt.Println(big>>98, float64(big) > 1e30)
	const c = 'a'
	var r rune = c
	var b byte = c
	fmt.Println(r, b, string(r))
}
