// A shift by a negative count of a signed type panics with Go's runtime
// error, recovered as a runtime.Error; counts that cannot be negative
// (loop counters, masks, len) shift as they are.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			fmt.Printf("%s: %v (%T is runtime.Error: %v)\n", name, e, e, ok)
			return
		}
		fmt.Println(name, "no panic")
	}()
	f()
}

func main() {
	var bits uint64
	for i := 0; i < 64; i += 3 {
		bits |= 1 << i
	}
	fmt.Printf("%x\n", bits)
	n := -1
	try("shl", func() { x := 1 << n; fmt.Println(x) })
	try("shr", func() { var y int64 = 8; y >>= n; fmt.Println(y) })
	try("field", func() {
		s := struct{ k int8 }{-2}
		fmt.Println(uint8(3) << s.k)
	})
	m := 3
	try("ok", func() { fmt.Println(1<<m, 64>>m, 5<<uint(m)) })
	xs := []int{1, 2, 3}
	fmt.Println(1<<len(xs), 2<<(len(xs)-1))
}
