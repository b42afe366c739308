package session

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden timelines")

// goldenPrograms are small programs whose timelines are compared with
// golden files. The evaluator runs them on one thread with a clock that
// advances a step per event, so that a timeline depends only on the order
// of events, which these programs fix.
var goldenPrograms = map[string]string{
	// Generic code runs as its instances; the goroutines keep the
	// user's names (produce, not produceᐸintᐳ).
	"generic-pipeline": `func produce[T any](out chan<- T, vs ...T) {
	for _, v := range vs {
		out <- v
	}
	close(out)
}
func double[T int | float64](in <-chan T, out chan<- T) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}
a, b := make(chan int), make(chan int)
go produce(a, 1, 2, 3)
go double(a, b)
for v := range b {
	fmt.Println(v)
}`,
	"pingpong": `func player(name string, table chan string, rounds int) {
	for i := 0; i < rounds; i++ {
		ball := <-table
		table <- ball
	}
}
table := make(chan string)
go player("ping", table, 3)
go player("pong", table, 3)
table <- "ball"
time.Sleep(20 * time.Millisecond)
<-table`,
	"buffered": `queue := make(chan int, 2)
go func() {
	defer close(queue)
	for i := 1; i <= 4; i++ {
		queue <- i
	}
}()
for v := range queue {
	time.Sleep(2 * time.Millisecond)
	fmt.Println(v)
}`,
	"workerpool": `jobs := make(chan int, 6)
var wg sync.WaitGroup
func worker(id int) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Duration(j) * time.Millisecond)
	}
}
for w := 1; w <= 3; w++ {
	wg.Add(1)
	go worker(w)
}
for j := 1; j <= 6; j++ {
	jobs <- j
}
close(jobs)
wg.Wait()`,
	"mutex": `type account struct {
	mu      sync.Mutex
	balance int
}
acct := &account{}
var wg sync.WaitGroup
func deposit(n int) {
	defer wg.Done()
	acct.mu.Lock()
	defer acct.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	acct.balance += n
}
for i, n := range []int{10, 20, 30} {
	if i > 0 {
		time.Sleep(time.Millisecond)
	}
	wg.Add(1)
	go deposit(n)
}
wg.Wait()
acct.balance`,
	"select-timeout": `results := make(chan string)
go func() {
	time.Sleep(50 * time.Millisecond)
	results <- "slow answer"
}()
select {
case r := <-results:
	fmt.Println(r)
case <-time.After(5 * time.Millisecond):
	fmt.Println("timed out")
}`,
	"cancel-fanout": `ctx, cancel := context.WithCancel(context.Background())
var wg sync.WaitGroup
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func(id int) {
		defer wg.Done()
		<-ctx.Done()
	}(i)
}
time.Sleep(5 * time.Millisecond)
cancel()
wg.Wait()`,
	// The three late callers must reach Do while the first call runs: the
	// cell waits until they are about to call it, and then some (a loaded
	// machine once let one arrive after the first call had ended).
	"singleflight": `var g singleflight.Group
var wg, ready sync.WaitGroup
started, release := make(chan bool), make(chan bool)
calls := 0
ready.Add(3)
for i := 0; i < 4; i++ {
	wg.Add(1)
	go func(i int) {
		defer wg.Done()
		if i > 0 {
			<-started
			ready.Done()
		}
		g.Do("user:42", func() (any, error) {
			calls++
			close(started)
			<-release
			return "gopher", nil
		})
	}(i)
}
ready.Wait()
time.Sleep(50 * time.Millisecond)
close(release)
wg.Wait()
calls`,
	"errgroup": `g, ctx := errgroup.WithContext(context.Background())
g.Go(func() error {
	time.Sleep(2 * time.Millisecond)
	return errors.New("fetch failed")
})
g.Go(func() error {
	<-ctx.Done()
	return ctx.Err()
})
g.Wait()`,
	"deadlock": `in, out := make(chan int), make(chan int)
go func() {
	v := <-in
	out <- v
}()
<-out`,
	"leak": `results := make(chan string)
fetch := func(name string) { results <- name }
go fetch("a")
go fetch("b")
fmt.Println(<-results)
time.Sleep(5 * time.Millisecond)`,
}

// shape keeps what does not depend on scheduling: each lane's name and
// start position, and the headlines of the diagnostics.
func shape(text []byte) []byte {
	var out []string
	lanes := true
	for i, line := range strings.Split(string(text), "\n") {
		switch {
		case i < 2:
		case lanes && (strings.HasPrefix(line, " ") || line == "transfers:"):
			lanes = false // the legend, after the lanes
		case lanes:
			out = append(out, strings.TrimSpace(line[:min(29, len(line))]))
		case strings.HasPrefix(line, "deadlock:") || strings.Contains(line, "still running at the end") || strings.Contains(line, "panicked"):
			out = append(out, line) // what went wrong, not to whom
		}
	}
	return []byte(strings.Join(out, "\n"))
}

func TestGoldenTimelines(t *testing.T) {
	cmd := testCommand()
	// One thread, a clock that steps per event, and no memory watcher
	// ticking in between: the order of events is the program's.
	cmd.Env = append(cmd.Env, "GOCONC_TRACE_CLOCK=step", "GOMAXPROCS=1", "GOCONC_MEMORY_LIMIT=off")
	for name, src := range goldenPrograms {
		t.Run(name, func(t *testing.T) {
			s, err := New(cmd, log.New(io.Discard, "", 0))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			c := newCapture()
			s.Execute(t.Context(), Request{Code: src, Label: "[1]", Out: c})
			ds := c.displays()
			if len(ds) != 1 {
				t.Fatalf("%d timelines; errors %q", len(ds), c.errors)
			}
			svg := ds[0]["image/svg+xml"].(string)
			dec := xml.NewDecoder(strings.NewReader(svg))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("SVG is not XML: %v", err)
				}
			}
			got := []byte(ds[0]["text/plain"].(string))
			path := filepath.Join("testdata", "timelines", name+".txt")
			if *update {
				os.WriteFile(path, got, 0o644)
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			// Which goroutine runs when depends on the machine (its load,
			// the race detector): compare the lanes and what went wrong.
			// The timelines of lib/timeline's scenarios are compared byte
			// for byte.
			got, want = shape(got), shape(want)
			if !bytes.Equal(got, want) {
				t.Errorf("timeline differs from %s:\n%s", path, got)
			}
		})
	}
}
