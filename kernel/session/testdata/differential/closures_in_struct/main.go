package main

import "fmt"

type handler struct {
	name string
	run  func(int) int
}

func main() {
	hs := []handler{
		{"double", func(x int) int { return x * 2 }},
		{"square", func(x int) int { return x * x }},
	}
	for _, h := range hs {
		fmt.Println(h.name, h.run(7))
	}
}
