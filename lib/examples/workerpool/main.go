// Command workerpool runs a small worker pool with goconc's instrumented
// primitives and writes its goroutine timeline to timeline.html (and .svg,
// .png), to show how lib works in an ordinary compiled program.
//
//	go run ./lib/examples/workerpool -o /tmp/pool
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"time"

	"github.com/goconc/goconc/lib/chans"
	"github.com/goconc/goconc/lib/sync"
	"github.com/goconc/goconc/lib/timeline"
	"github.com/goconc/goconc/lib/trace"
)

func main() {
	out := flag.String("o", ".", "directory for timeline.html, timeline.svg and timeline.png")
	workers := flag.Int("workers", 3, "number of workers")
	jobs := flag.Int("jobs", 9, "number of jobs")
	flag.Parse()

	trace.Start()
	results := run(*workers, *jobs)
	t := trace.Stop()
	fmt.Println("sum of squares:", results)

	for name, write := range map[string]func(string, *trace.Trace, ...timeline.Option) error{
		"timeline.html": timeline.WriteHTML,
		"timeline.svg":  timeline.WriteSVG,
		"timeline.png":  timeline.WritePNG,
	} {
		path := filepath.Join(*out, name)
		if err := write(path, t, timeline.WithTitle("worker pool")); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", path)
	}
	fmt.Print(timeline.Text(t, timeline.WithTitle("worker pool")))
}

// run squares the numbers 1..n with a pool of workers and sums the squares.
func run(workers, n int) int {
	jobs := chans.Make[int]("jobs", n)
	results := chans.Make[int]("results", 0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	trace.Name(&mu, "mu")
	trace.Name(&wg, "wg")
	done := 0
	for w := 1; w <= workers; w++ {
		wg.Add(1)
		trace.Go(fmt.Sprintf("worker(%d)", w), func() {
			defer wg.Done()
			for j := range jobs.All() {
				trace.Sleep(time.Duration(j) * time.Millisecond) // work
				mu.Lock()
				done++
				mu.Unlock()
				results.Send(j * j)
			}
		})
	}
	for j := 1; j <= n; j++ {
		jobs.Send(j)
	}
	jobs.Close()
	trace.Go("closer", func() {
		wg.Wait()
		results.Close()
	})
	sum := 0
	for r := range results.All() {
		sum += r
	}
	return sum
}
