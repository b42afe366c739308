package session

import (
	"encoding/base64"
	"strings"
	"testing"
)

func (c *capture) displays() []map[string]any {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]map[string]any(nil), c.shown...)
}

func TestTimelineShownForConcurrentCells(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`jobs := make(chan int, 10)
results := make(chan int)
var wg sync.WaitGroup
func worker(id int) {
	defer wg.Done()
	for j := range jobs {
		time.Sleep(time.Millisecond)
		results <- j * j
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
go func() { wg.Wait(); close(results) }()
sum := 0
for r := range results {
	sum += r
}
fmt.Println(sum)`)
	if c.stream("stdout") != "91\n" {
		t.Fatalf("output %q", c.stream("stdout"))
	}
	ds := c.displays()
	if len(ds) != 1 {
		t.Fatalf("%d displays", len(ds))
	}
	d := ds[0]
	html, _ := d["text/html"].(string)
	svg, _ := d["image/svg+xml"].(string)
	text, _ := d["text/plain"].(string)
	if !strings.HasPrefix(html, `<img src="data:image/svg+xml;base64,`) || !strings.HasPrefix(svg, "<svg") {
		t.Fatalf("display %v", d)
	}
	b64 := strings.TrimPrefix(html, `<img src="data:image/svg+xml;base64,`)
	b64 = b64[:strings.IndexByte(b64, '"')]
	if raw, err := base64.StdEncoding.DecodeString(b64); err != nil || string(raw) != svg {
		t.Error("the image is not the SVG")
	}
	for _, want := range []string{"worker(1) @ [1]:13", "worker(3) @ [1]:13", "func() @ [1]:19", "results: ", "jobs: ", "cell [1]"} {
		if !strings.Contains(text, want) {
			t.Errorf("timeline text lacks %q:\n%s", want, text)
		}
	}
	// A cell without goroutines shows none.
	if c := s.ok("x := 1\nx + 1"); len(c.displays()) != 0 {
		t.Errorf("timeline for a plain cell")
	}
	if c := s.ok("%timeline off\ngo func() {}()\ntime.Sleep(time.Millisecond)"); len(c.displays()) != 0 {
		t.Errorf("timeline with %%timeline off")
	}
	if c := s.ok("%%timeline\ny := 2"); len(c.displays()) != 1 {
		t.Errorf("no timeline with %%%%timeline")
	}
}

func TestTimelineUpdatesLive(t *testing.T) {
	s := newTestSession(t)
	c := s.ok("done := make(chan bool)\ngo func() { time.Sleep(1200 * time.Millisecond); close(done) }()\n<-done")
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.shown) != 1 || c.updates < 2 {
		t.Errorf("%d displays, %d updates", len(c.shown), c.updates)
	}
}

// The standard names give the instrumented primitives wherever they are:
// embedded in a struct, behind a pointer, as a sync.Locker, under a Cond.
func TestPrimitivesInEveryShape(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`type counter struct {
	sync.Mutex
	n int
}
c := &counter{}
var l sync.Locker = &sync.Mutex{}
mu := new(sync.Mutex)
cond := sync.NewCond(mu)
var wg sync.WaitGroup
ready := false
for i := 0; i < 3; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Lock()
		c.n++
		c.Unlock()
		l.Lock()
		time.Sleep(time.Millisecond)
		l.Unlock()
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // the cell is surely in wg.Wait by now
	}()
}
time.Sleep(30 * time.Millisecond)
mu.Lock()
ready = true
cond.Broadcast()
mu.Unlock()
wg.Wait()
c.n`)
	if len(c.results) != 1 || c.results[0] != "3" {
		t.Fatalf("results %q", c.results)
	}
	ds := c.displays()
	if len(ds) != 1 {
		t.Fatalf("%d timelines", len(ds))
	}
	svg := ds[0]["image/svg+xml"].(string)
	text := ds[0]["text/plain"].(string)
	for _, want := range []string{"Cond.Wait", "WaitGroup.Wait"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text timeline lacks %q:\n%s", want, text)
		}
	}
	// Lock spans of the embedded mutex, the Locker and the pointer.
	for _, want := range []string{"holds c.Mutex", "holds mu", "cond.Broadcast"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
}

// TestTimelineNamesContexts: a timeline names a context after the variable
// that holds it, as it names mutexes and WaitGroups.
func TestTimelineNamesContexts(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`parent, cancel := context.WithCancel(context.Background())
child, stop := context.WithTimeout(parent, time.Hour)
defer stop()
done := make(chan bool)
go func() { <-child.Done(); done <- true }()
cancel()
<-done
fmt.Println(child.Err())`)
	if c.stream("stdout") != "context canceled\n" {
		t.Fatalf("output %q", c.stream("stdout"))
	}
	ds := c.displays()
	if len(ds) != 1 {
		t.Fatalf("%d displays", len(ds))
	}
	svg, _ := ds[0]["image/svg+xml"].(string)
	for _, want := range []string{"cancel parent: context canceled", "cancel child: context canceled", "child done: context canceled"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, svg)
		}
	}
}

// TestTimelineNamesInstancesAsGo: a channel a generic function's instance
// returns is named as Go writes the instance, not by its lowered name.
func TestTimelineNamesInstancesAsGo(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`func Count[T any](xs ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		for _, x := range xs {
			out <- x
		}
	}()
	return out
}
for x := range Count("a", "b") {
	fmt.Print(x)
}`)
	if c.stream("stdout") != "ab" {
		t.Fatalf("output %q", c.stream("stdout"))
	}
	ds := c.displays()
	if len(ds) != 1 {
		t.Fatalf("%d displays", len(ds))
	}
	// A transfer is named by the side that completes it: the receiver
	// (the instance's call) or, when the receiver waited first, the
	// sender (out). Which one is up to the scheduler; the name each
	// side gives the channel is TestChannelNamesOfInstances'.
	text, _ := ds[0]["text/plain"].(string)
	named := strings.Contains(text, `Count[string]("a", "b"): "a"`) || strings.Contains(text, `out: "a"`)
	if !named || strings.Contains(text, "ᐸ") {
		t.Errorf("the timeline does not name the instance as Go does:\n%s", text)
	}
}
