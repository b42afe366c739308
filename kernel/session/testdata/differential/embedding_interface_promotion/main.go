package main

import "fmt"

type shape interface{ area() float64 }

type rect struct{ w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

type square struct{ rect }

func main() {
	var s shape = square{rect{2, 2}}
	fmt.Println(s.area())
	var v any = square{rect{3, 3}}
	if sh, ok := v.(shape); ok {
		fmt.Println("shape", sh.area())
	} else {
		fmt.Println("not a shape")
	}
}
