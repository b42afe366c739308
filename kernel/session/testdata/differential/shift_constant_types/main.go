// The untyped constant of a non-constant shift takes its type from the
// context (uint64 here), as Go converts it; a constant count may be
// written as a float, or be a shift itself, or arithmetic on shifts.
package main

import "fmt"

func bits(val uint64, pos int) uint64 { return val | 1<<uint(pos) }

func main() {
	var mask uint64
	for i := 0; i < 64; i += 9 {
		mask = bits(mask, i)
	}
	fmt.Printf("%#x\n", mask)

	var n uint = 40
	var u32 uint32 = 1<<n>>20 | 7
	fmt.Println(u32)

	x := 3
	fmt.Println(x<<1., x<<(2+0i))
	one := 1
	fmt.Println(one<<(1<<one), one<<(2>>one)) // a count that is a shift
	var v uint = 48
	fmt.Println(v>>((1>>v)+(1>>v)), v>>(-(1>>v)+2*(4>>one))) // arithmetic on such shifts
	var f float64 = 1 << 3                                   // a constant shift stays as it is
	fmt.Println(f)
}
