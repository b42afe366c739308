// Blank declarations: a compile-time check that a type implements an
// interface, a value computed for its effect, and blank variables without
// a value, which declare nothing, also of the types whose variables
// timelines name (var _ sync.Mutex).
package main

import (
	"fmt"
	"io"
	"sync"
)

type discard struct{ n int }

func (d *discard) Write(p []byte) (int, error) {
	d.n += len(p)
	return len(p), nil
}

var _ io.Writer = (*discard)(nil)

var calls int

func count() int {
	calls++
	return calls
}

var (
	_ io.Reader
	_ = count()
	n = 3
	_ sync.Mutex
)

func main() {
	var _ int
	var (
		_ string
		x = 2
	)
	var _, y int
	var _ = count()
	var _ sync.Mutex
	var _, wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); calls++ }()
	wg.Wait()
	d := &discard{}
	fmt.Fprint(d, "hello")
	fmt.Println(n, x, y, calls, d.n)
}
