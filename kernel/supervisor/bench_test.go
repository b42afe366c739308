package supervisor

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkStartup measures the time from starting the kernel process to
// its first kernel_info_reply (and the busy/idle around it), as a frontend
// waits for it. Target: under 300 ms.
func BenchmarkStartup(b *testing.B) {
	var total time.Duration
	for i := 0; i < b.N; i++ {
		c := startKernel(b)
		total += c.waitReady()
		c.close()
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/start")
}

// BenchmarkTrivialCell measures execute_request to idle for `x := 1`,
// median over 200 cells. Target: under 3 ms.
func BenchmarkTrivialCell(b *testing.B) {
	c := startKernel(b)
	c.waitReady()
	b.ResetTimer()
	trivialCells(b, c)
}

// BenchmarkTrivialCellAfterDeclarations is BenchmarkTrivialCell in a
// notebook that declared 40 functions and types first, as a course
// notebook has by its end: a cell must not cost the size of the notebook.
func BenchmarkTrivialCellAfterDeclarations(b *testing.B) {
	c := startKernel(b)
	c.waitReady()
	for i := 0; i < 20; i++ {
		c.execute(fmt.Sprintf("type point%d struct{ x, y int }\nfunc (p point%d) sum() int { return p.x + p.y }", i, i), nil)
		c.execute(fmt.Sprintf("func work%d(n int) int {\n\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += point%d{i, %d}.sum()\n\t}\n\treturn s\n}", i, i, i), nil)
	}
	b.ResetTimer()
	trivialCells(b, c)
}

// trivialCells runs `x := 1` 200 times per b.N and reports the median and
// 95th percentile of execute_request to idle.
func trivialCells(b *testing.B, c *client) {
	for i := 0; i < b.N; i++ {
		var times []time.Duration
		for j := 0; j < 200; j++ {
			start := time.Now()
			c.execute("x := 1", nil)
			times = append(times, time.Since(start))
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		b.ReportMetric(float64(times[100].Microseconds())/1000, "ms/median-cell")
		b.ReportMetric(float64(times[190].Microseconds())/1000, "ms/p95-cell")
	}
}

// BenchmarkPrint10kLines measures a cell printing 10,000 lines, to idle.
func BenchmarkPrint10kLines(b *testing.B) {
	c := startKernel(b)
	c.waitReady()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		_, outs := c.execute("for i := 0; i < 10000; i++ {\n\tfmt.Println(\"line\", i)\n}", nil)
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/cell")
		b.ReportMetric(float64(len(outs)), "stream-msgs/cell")
		if got := strings.Count(streamText(outs), "\n"); got != 10000 {
			b.Fatalf("got %d lines", got)
		}
	}
}

var _ = fmt.Sprint

// poolCell is a worker pool of 10,000 jobs over 8 workers.
const poolCell = `jobs := make(chan int, 100)
results := make(chan int, 100)
var wg sync.WaitGroup
for w := 0; w < 8; w++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j := range jobs {
			results <- j * 2
		}
	}()
}
go func() {
	for j := 0; j < 10000; j++ {
		jobs <- j
	}
	close(jobs)
}()
go func() { wg.Wait(); close(results) }()
sum := 0
for r := range results {
	sum += r
}
sum`

// BenchmarkWorkerPoolTraced compares the pool cell with its timeline
// recorded and drawn, and with %timeline off. Target: traced under 1.5x.
func BenchmarkWorkerPoolTraced(b *testing.B) {
	for _, mode := range []string{"off", "auto"} {
		b.Run(mode, func(b *testing.B) {
			c := startKernel(b)
			c.waitReady()
			c.execute("%timeline "+mode, nil)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r, _ := c.execute(poolCell, nil)
				if r["status"] != "ok" {
					b.Fatalf("%v", r)
				}
			}
		})
	}
}

// BenchmarkTracedRatio runs cells of each kind a concurrency notebook has
// traced and untraced in turn in one kernel, and reports the medians and
// their ratio: on a noisy machine, alternating is fairer than two separate
// runs. Target: traced at most 1.5x untraced for each.
func BenchmarkTracedRatio(b *testing.B) {
	b.Run("pool", func(b *testing.B) { tracedRatio(b, poolCell) })
	for _, name := range []string{"locks", "pingpong", "goroutines"} {
		b.Run(name, func(b *testing.B) { tracedRatio(b, benchCell(b, name)) })
	}
}

// BenchmarkWorkerPoolRatio is BenchmarkTracedRatio/pool, by the name
// earlier figures were reported under.
func BenchmarkWorkerPoolRatio(b *testing.B) { tracedRatio(b, poolCell) }

func tracedRatio(b *testing.B, cell string) {
	c := startKernel(b)
	c.waitReady()
	var off, traced []time.Duration
	run := func(mode string) time.Duration {
		c.execute("%timeline "+mode, nil)
		start := time.Now()
		if r, _ := c.execute(cell, nil); r["status"] != "ok" {
			b.Fatalf("%v", r)
		}
		return time.Since(start)
	}
	run("auto") // warm up
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		off = append(off, run("off"))
		traced = append(traced, run("auto"))
	}
	median := func(d []time.Duration) time.Duration {
		slices.Sort(d)
		return d[len(d)/2]
	}
	mo, mt := median(off), median(traced)
	b.ReportMetric(float64(mo.Microseconds())/1000, "ms-off")
	b.ReportMetric(float64(mt.Microseconds())/1000, "ms-traced")
	b.ReportMetric(float64(mt)/float64(mo), "traced/off")
}

// benchCell returns a cell of kernel/testdata/bench/cells, the cells the
// side-by-side command times too.
func benchCell(b *testing.B, name string) string {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "bench", "cells", name+".go.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}

// BenchmarkThousandGoroutines measures execute to idle for a cell that
// starts 1,000 goroutines and waits for them.
func BenchmarkThousandGoroutines(b *testing.B) {
	c := startKernel(b)
	c.waitReady()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, _ := c.execute("var wg sync.WaitGroup\nfor i := 0; i < 1000; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done() }()\n}\nwg.Wait()", nil)
		if r["status"] != "ok" {
			b.Fatalf("%v", r)
		}
	}
}
