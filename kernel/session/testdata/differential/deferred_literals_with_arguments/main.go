// A deferred function literal with arguments that panics, or runs in a
// loop, lets the calls deferred before it run, and a recover() deferred
// earlier takes its panic, as Go does.
package main

import (
	"errors"
	"fmt"
)

func a() (err error) {
	defer func(tag string) {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %v", tag, r)
		}
	}("a")
	defer fmt.Println("a cleanup")
	defer func(n int) { panic(fmt.Sprint("boom ", n)) }(3)
	return nil
}

func b() {
	defer func() { fmt.Println("b recovered:", recover()) }()
	for i := range 3 {
		defer func(i int) {
			fmt.Println("b deferred", i)
			if i == 1 {
				panic(errors.New("at 1"))
			}
		}(i)
	}
}

func c() (n int) {
	defer func(k int) { n += k }(10)
	defer func() { recover() }()
	defer func(s string) { panic(s) }("x")
	return 1
}

func d() {
	defer func(tag string) { fmt.Println(tag, recover()) }("d")
	defer fmt.Println("d2")
	panic("p")
}

func e() (r string) {
	defer func(tag string) {
		if x := recover(); x != nil {
			r = fmt.Sprint(tag, x)
		}
	}("e:")
	defer func(n int) { fmt.Println("e deferred", n) }(1)
	var m map[int]int
	m[1] = 1
	return "unreached"
}

type T struct{ name string }

func (t *T) close(reason string) { fmt.Println("close", t.name, reason) }

func f() {
	defer func() { fmt.Println("f:", recover()) }()
	for _, t := range []*T{{"a"}, {"b"}} {
		defer func(t *T, why string) { t.close(why) }(t, "done")
	}
	defer func(xs ...int) { fmt.Println("variadic", xs); panic("in variadic") }(1, 2)
}

func main() {
	fmt.Println(a())
	b()
	fmt.Println(c())
	d()
	fmt.Println(e())
	f()
}
