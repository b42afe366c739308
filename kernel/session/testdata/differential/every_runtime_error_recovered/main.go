// Every runtime error a learner meets, recovered: recover() gives a
// runtime.Error with the words of Go's runtime. The interpreter's own
// panics (reflect's) said other words, or were strings: *ps = append(*ps,
// 1) with ps a nil *[]int said "reflect: call of unknown method on zero
// Value".
package main

import (
	"fmt"
	"runtime"
)

type T struct{ n int }

func (t T) Val() int { return t.n }

type I interface{ Val() int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(runtime.Error)
		fmt.Printf("%-18s %v | %v\n", name, isRT, r)
	}()
	f()
}

func main() {
	zero := 0
	var m map[string]int
	s := []int{1, 2, 3}
	arr := [3]int{}
	str := "abc"
	i := 5
	var fn func()
	var nilch chan int
	ch := make(chan int)
	close(ch)
	neg := -1
	var ip *T
	var pa *[3]int
	var any1, any2 any = []int{1}, []int{1}
	var iface I
	big := 1 << 62
	try("divide", func() { fmt.Println(10 / zero) })
	try("modulo", func() { fmt.Println(10 % zero) })
	try("nil map", func() { m["a"] = 1 })
	try("slice index", func() { fmt.Println(s[i]) })
	try("array index", func() { fmt.Println(arr[i]) })
	try("string index", func() { fmt.Println(str[i]) })
	try("slice bounds", func() { fmt.Println(s[1:i]) })
	try("slice bounds2", func() { fmt.Println(s[i:]) })
	try("string bounds", func() { fmt.Println(str[2:i]) })
	try("nil func", func() { fn() })
	try("close nil", func() { close(nilch) })
	try("close closed", func() { close(ch) })
	try("send closed", func() { ch <- 1 })
	try("make neg", func() { _ = make([]int, neg) })
	try("make big", func() { _ = make([]int, big) })
	try("shift neg", func() { fmt.Println(1 << neg) })
	try("unhashable", func() { mm := map[any]int{}; mm[any1] = 1 })
	try("uncomparable", func() { fmt.Println(any1 == any2) })
	try("value method nil", func() { fmt.Println(ip.Val()) })
	try("nil iface method", func() { fmt.Println(iface.Val()) })
	try("assert", func() { var x any = "s"; fmt.Println(x.(int)) })
	try("assert iface", func() { var x any = 3; fmt.Println(x.(I)) })
	try("slice to array", func() { fmt.Println([4]int(s)) })
	try("nil array ptr", func() { fmt.Println(pa[1]) })
	try("nil array len", func() { fmt.Println(len(pa), cap(pa)) })
	try("nil field", func() { fmt.Println(ip.n) })
	try("chan make neg", func() { _ = make(chan int, neg) })
	try("slice3", func() { fmt.Println(s[0:2:i]) })
	try("append nil ptr", func() { var ps *[]int; *ps = append(*ps, 1) })
	try("range nil ptr", func() {
		for x := range pa {
			fmt.Println(x)
		}
	})
	try("range nil ptr2", func() {
		for _, x := range pa {
			fmt.Println(x)
		}
	})
}
