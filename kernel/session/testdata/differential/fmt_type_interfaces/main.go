// %T of an interface names the dynamic type: the notebook's struct types
// by their Go names, in pointers, slices and maps too.
package main

import "fmt"

type shape interface{ area() float64 }

type circle struct{ r float64 }

func (c circle) area() float64 { return 3 * c.r * c.r }

type rect struct{ w, h float64 }

func (r *rect) area() float64 { return r.w * r.h }

type point struct{ X, Y int }

func main() {
	shapes := []shape{circle{1}, &rect{2, 3}}
	for _, s := range shapes {
		fmt.Printf("%T %.1f\n", s, s.area())
	}
	things := []any{point{1, 2}, &point{}, []point{{1, 2}}, map[string]*point{}, 4.5, nil, struct{ A int }{1}}
	for _, v := range things {
		fmt.Printf("%T|", v)
	}
	fmt.Println()
	var err error
	fmt.Printf("%T %6T|\n", err, 3)
	fmt.Println(fmt.Sprintf("%T", shapes[0]) == "main.circle")
}
