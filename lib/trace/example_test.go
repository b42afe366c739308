package trace_test

import (
	"fmt"

	"github.com/goconc/goconc/lib/trace"
)

// A trace records what goroutines do between Start and Stop.
func Example() {
	trace.Start()
	done := make(chan bool)
	trace.Go("worker", func() {
		trace.Mark("working")
		close(done)
	})
	<-done
	t := trace.Stop()
	for _, g := range t.Goroutines {
		fmt.Println(g.Name)
	}
	// Output:
	// main
	// worker
}

// Name gives an object the name shown on timelines.
func ExampleName() {
	ch := make(chan int)
	trace.Name(ch, "jobs")
	id := trace.ObjectAt(ptrOf(ch), trace.Chan, 0, "")
	trace.Start()
	trace.ChanSent(id, "1", "")
	t := trace.Stop()
	fmt.Println(t.ObjectName(t.Events[0].Obj))
	// Output: jobs
}
