package selfcheck_test

import (
	"fmt"
	"sync"

	"github.com/goconc/goconc/lib/selfcheck"
)

// Check that a worker pool's result does not depend on scheduling and that
// no more than three workers ever run at once.
func Example() {
	var g selfcheck.Gauge
	sum := func() any {
		jobs := make(chan int)
		results := make(chan int)
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range jobs {
					g.Enter()
					results <- j * j
					g.Leave()
				}
			}()
		}
		go func() {
			for i := 1; i <= 10; i++ {
				jobs <- i
			}
			close(jobs)
		}()
		go func() { wg.Wait(); close(results) }()
		total := 0
		for r := range results {
			total += r
		}
		return total
	}
	selfcheck.Same("sum of squares", 20, sum)
	selfcheck.AtMost("workers at once", g.Max(), 3)

	defer func() { fmt.Println(recover()) }()
	selfcheck.Equal("2+2", 2+2, 5)
	// Output:
	// ✓ sum of squares: the same on 20 runs (385)
	// ✓ workers at once: 3 (at most 3)
	// ✗ 2+2: got 4, want 5
}
