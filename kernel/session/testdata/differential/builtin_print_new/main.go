package main

import "fmt"

type celsius float64

func main() {
	print("a", "b", 1, 2, "\n")
	println("x", 3, true, 2.5, -1e21, celsius(1.5))
	println()
	var u8 uint8 = 200
	println(u8, int64(-7), float32(0.1), complex(1, -2))
	p := new(42)
	s := new("text")
	c := new(celsius(3) * 2)
	fmt.Println(*p, *s, *c)
	*p++
	fmt.Println(*p, *new(len("four")))
	q := new(int)
	fmt.Println(*q)
}
