package sync_test

import (
	"fmt"

	"github.com/goconc/goconc/lib/sync"
	"github.com/goconc/goconc/lib/trace"
)

// A WaitGroup and a Mutex of this package are used exactly like the
// standard ones; a trace records what they did.
func Example() {
	trace.Start()
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int
	)
	for i := 1; i <= 3; i++ {
		wg.Go(func() {
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	t := trace.Stop()
	fmt.Println(total, len(t.Goroutines))
	// Output: 6 4
}
