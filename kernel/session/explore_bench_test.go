package session

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/evaluator"
)

// The cost of exploring, measured through a session as a user pays it
// (go test -run '^$' -bench Explore ./kernel/session).

// fourByHundred is a cell of 4 goroutines doing 100 operations in all:
// each locks, adds to a shared total and unlocks 25 times.
const fourByHundred = `total := 0
var mu sync.Mutex
var wg sync.WaitGroup
for g := 0; g < 4; g++ {
	wg.Go(func() {
		for i := 0; i < 25; i++ {
			mu.Lock()
			total++
			mu.Unlock()
		}
	})
}
wg.Wait()
fmt.Println(total)
`

// BenchmarkExplore200Schedules explores the 4-goroutine, 100-operation
// cell under 200 schedules (target: under 5 s), and reports the time per
// schedule.
func BenchmarkExplore200Schedules(b *testing.B) {
	s := newTestSession(b)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		r, c := execB(s, "%%explore 200 seed=1 time=5m\n"+fourByHundred)
		if r.Status != "ok" || !strings.Contains(c.allText(), "1 outcome in 200 schedules") {
			b.Fatalf("%+v\n%s", r, c.allText())
		}
		d := time.Since(start)
		b.ReportMetric(d.Seconds(), "s/200-schedules")
		b.ReportMetric(float64(d.Microseconds())/200/1000, "ms/schedule")
	}
}

// BenchmarkExplorePoint measures what a scheduling point costs: the same
// loop of shared increments (two points each) run as an ordinary cell and
// explored under one schedule, per increment.
func BenchmarkExplorePoint(b *testing.B) {
	s := newTestSession(b)
	const n = 20_000
	loop := fmt.Sprintf(`shared := 0
var done sync.WaitGroup
done.Go(func() {
	for i := 0; i < %d; i++ {
		shared++
	}
})
done.Wait()
fmt.Println(shared)
`, n)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if r, _ := execB(s, "%timeline off\n"+loop); r.Status != "ok" {
			b.Fatal(r)
		}
		plain := time.Since(start)
		start = time.Now()
		if r, c := execB(s, "%%explore 1 seed=1 time=5m\n"+loop); r.Status != "ok" || !strings.Contains(c.allText(), fmt.Sprint(n)) {
			b.Fatal(r, c.allText())
		}
		explored := time.Since(start)
		b.ReportMetric(float64(plain.Nanoseconds())/n, "ns/op-plain")
		b.ReportMetric(float64(explored.Nanoseconds())/n, "ns/op-explored")
		b.ReportMetric(float64((explored-plain).Nanoseconds())/(2*n), "ns/point")
	}
}

func execB(s *tsession, code string) (Reply, *capture) {
	c := newCapture()
	r := s.Execute(context.Background(), Request{Code: code, Label: "[b]", Out: c})
	return r, c
}

// allText is what a cell showed as text: its streams and displays.
func (c *capture) allText() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, sb := range c.streams {
		b.WriteString(sb.String())
	}
	for _, d := range c.all {
		if t, ok := d["text/plain"].(string); ok {
			b.WriteString(t)
		}
	}
	return b.String()
}

// TestExploreReport measures, for each cell of the exploration tests, the
// outcomes found, the schedules needed to find each (the median over 20
// seeds), replay fidelity and the time per schedule, and prints them. It
// is a measurement, not a check: GOCONC_EXPLORE_REPORT=1 runs it.
func TestExploreReport(t *testing.T) {
	if os.Getenv("GOCONC_EXPLORE_REPORT") == "" {
		t.Skip("a measurement: set GOCONC_EXPLORE_REPORT=1 to print it")
	}
	cells := []struct{ name, cell string }{
		{"racy counter", racyCounter},
		{"counter with a Mutex", lockedCounter},
		{"check then act on a map", checkThenAct},
		{"lock order", lockOrder},
		{"select over two ready channels", selectTwoReady},
		{"producer/consumer, unbuffered", producerConsumer(0)},
		{"producer/consumer, buffer of 3", producerConsumer(3)},
		{"no goroutines", "x := 0\nfor i := 0; i < 10; i++ { x += i }\nfmt.Println(x)\n"},
		{"4 goroutines, 100 operations", fourByHundred},
	}
	s := newTestSession(t)
	var report strings.Builder
	label := regexp.MustCompile(`\[\d+\]`)
	for _, c := range cells {
		firsts := map[string][]int{}
		var per []float64
		tokens := map[string]string{}
		for seed := 1; seed <= 20; seed++ {
			res := s.explore(fmt.Sprintf("%%%%explore 200 seed=%d time=5m", seed), c.cell)
			per = append(per, res.perMS)
			for _, o := range res.outcomes {
				key := label.ReplaceAllString(o.output, "[n]") // each exploration is a cell of its own
				firsts[key] = append(firsts[key], o.first+1)
				tokens[key] = o.token
			}
		}
		fmt.Fprintf(&report, "\n%s: %d outcomes over 20 explorations of 200 schedules, %.2f ms per schedule (median)\n", c.name, len(firsts), median(per))
		var outs []string
		for o := range firsts {
			outs = append(outs, o)
		}
		slices.Sort(outs)
		for _, o := range outs {
			fs := firsts[o]
			ints := make([]float64, len(fs))
			for i, f := range fs {
				ints[i] = float64(f)
			}
			// Replay fidelity: the outcome's token, ten times, as an
			// ordinary run: its output, and its error for a deadlock or
			// a panic.
			same := 0
			for i := 0; i < 10; i++ {
				r, cap := s.exec("%%explore replay=" + tokens[o] + "\n" + c.cell)
				got := cap.stream("stdout") + evaluator.MarkStderr(cap.stream("stderr"))
				for _, v := range cap.results {
					got += "value: " + v + "\n"
				}
				want := o
				if i := strings.Index(o, "fatal error: all goroutines are asleep"); i >= 0 {
					want = o[:i]
					if r.Evalue != "all goroutines are asleep - deadlock!" {
						continue
					}
				} else if i := strings.Index(o, "panic: "); i >= 0 {
					want = o[:i]
					if r.Ename != "panic" {
						continue
					}
				}
				if got == want {
					same++
				}
			}
			fmt.Fprintf(&report, "  %-60s found by %2d of 20 seeds, first at schedule %v (median); replayed the same %d/10\n",
				strings.ReplaceAll(strings.TrimSpace(o), "\n", " / "), len(fs), median(ints), same)
		}
	}
	t.Log(report.String())
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
