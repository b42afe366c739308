// A method value of a pointer method, taken from a variable or an element
// (c.Inc, cs[i].Inc, go w.Run(...)), is bound to its address when it is
// taken: callbacks collected in a loop, and goroutines started on each
// worker, each run on their own.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type C struct{ n int }

func (c *C) Inc() int { c.n++; return c.n }
func (c C) Get() int  { return c.n }

type Counter struct{ hits int }

func (c *Counter) Hit() { c.hits++ }

type Page struct {
	Counter
	name string
}

type W struct{ id int }

func (w *W) Run(out chan<- int, wg *sync.WaitGroup) { defer wg.Done(); out <- w.id }

func main() {
	cs := []C{{1}, {10}, {100}}
	var incs []func() int
	for _, c := range cs {
		incs = append(incs, c.Inc)
	}
	for i := range cs {
		incs = append(incs, cs[i].Inc)
	}
	for _, f := range incs {
		fmt.Print(f(), " ")
	}
	fmt.Println(cs)

	var x C
	f := x.Inc
	f()
	f()
	g := x.Get
	x.n = 50
	fmt.Println(x.n, g())

	pages := []Page{{name: "a"}, {name: "b"}}
	var hits []func()
	for i := range pages {
		hits = append(hits, pages[i].Hit)
	}
	hits[1]()
	hits[1]()
	hits[0]()
	fmt.Println(pages)

	out := make(chan int, 10)
	var wg sync.WaitGroup
	ws := []W{{1}, {2}, {3}}
	for _, w := range ws {
		wg.Add(1)
		go w.Run(out, &wg)
	}
	for i := range ws {
		wg.Add(1)
		go ws[i].Run(out, &wg)
	}
	wg.Wait()
	close(out)
	var got []int
	for v := range out {
		got = append(got, v)
	}
	sort.Ints(got)
	fmt.Println(got)
}
