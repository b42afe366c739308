// Method values made in loops: each is bound to the receiver of its own
// iteration, a pointer as it was then.
package main

import "fmt"

type Counter struct {
	name  string
	count int
}

func (c *Counter) Inc()        { c.count++ }
func (c Counter) Show() string { return fmt.Sprint(c.name, c.count) }

func main() {
	counters := []*Counter{{name: "x"}, {name: "y"}}
	var incs []func()
	for _, c := range counters {
		incs = append(incs, c.Inc)
	}
	for _, f := range incs {
		f()
		f()
	}
	fmt.Println(*counters[0], *counters[1])

	vals := []Counter{{name: "a"}, {name: "b"}}
	var shows []func() string
	var valIncs []func()
	for _, c := range vals {
		valIncs = append(valIncs, c.Inc)
		shows = append(shows, c.Show)
	}
	for _, f := range valIncs {
		f()
	}
	for _, f := range shows {
		fmt.Print(f(), " ")
	}
	fmt.Println(vals)

	p := counters[0]
	inc := p.Inc
	p = counters[1]
	inc()
	fmt.Println(counters[0].count, counters[1].count)
}
