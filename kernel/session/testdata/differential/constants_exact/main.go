// Constants are exact, as the compiler computes them: huge untyped values
// compare, iota repeats through conversions, a float32 constant is rounded
// once; channels of different directions compare; blank fields, types and
// methods are allowed.
package main

import (
	"fmt"
	"math"
)

const (
	huge   = 1 << 100
	huge_1 = huge - 1
)

const (
	a = string(iota + 'a')
	b
	c
)

type weekday int

const (
	sunday weekday = iota
	monday
	tuesday
)

const (
	max32 = math.MaxFloat32
	ulp32 = max32 - 0x1.fffffcp127
)

type padded struct {
	x    int
	_, _ int32
	y    int
}

func (padded) _() {}

type _ int

func main() {
	fmt.Println(huge > huge_1, huge_1+1 == huge, huge/(1<<98))
	fmt.Println(a, b, c, monday, tuesday-sunday)
	fmt.Printf("%T %v\n", tuesday, tuesday)
	var f32 float32 = max32 - ulp32/2
	fmt.Println(f32, math.Float32bits(f32))
	const third = 1.0 / 3
	fmt.Println(third*3 == 1, float32(third))

	ch := make(chan int)
	var recv <-chan int = ch
	var send chan<- int = ch
	fmt.Println(ch == recv, send == ch, recv != nil)

	p := padded{x: 1, y: 2}
	fmt.Println(p == padded{x: 1, y: 2}, p.x+p.y)
}
