package session

import (
	"sort"
	"strings"
	"testing"
	"time"
)

// Cells that deadlock: each must end within 2 seconds with Go's message,
// the goroutines and the cell lines they wait at; the session goes on.
var deadlocks = []struct {
	name string
	code string
	want []string // in the traceback
}{
	{"relay", "in, out := make(chan int), make(chan int)\ngo func() {\n\tv := <-in\n\tout <- v\n}()\n<-out",
		[]string{"the statements of cell [1]", "blocked in chan receive on out at [1]:6", "goroutine func(), started at [1]:2", "blocked in chan receive on in at [1]:3"}},
	{"send without receiver", "ch := make(chan int)\nch <- 1",
		[]string{"blocked in chan send on ch at [1]:2"}},
	{"empty select", "select {}", []string{"blocked in select at [1]:1"}},
	{"double lock", "var mu sync.Mutex\nmu.Lock()\nmu.Lock()", []string{"blocked in Mutex.Lock on mu at [1]:3"}},
	{"WaitGroup never done", "var wg sync.WaitGroup\nwg.Add(2)\ngo wg.Done()\nwg.Wait()",
		[]string{"blocked in WaitGroup.Wait on wg at [1]:4"}},
	{"lock order", `var a, b sync.Mutex
var wg sync.WaitGroup
var ready sync.WaitGroup
ready.Add(2)
wg.Add(2)
go func() { defer wg.Done(); a.Lock(); ready.Done(); ready.Wait(); b.Lock() }()
go func() { defer wg.Done(); b.Lock(); ready.Done(); ready.Wait(); a.Lock() }()
wg.Wait()`, []string{"blocked in WaitGroup.Wait on wg at [1]:8", "blocked in Mutex.Lock on b at [1]:6", "blocked in Mutex.Lock on a at [1]:7"}},
	{"range over a channel nobody closes", "ch := make(chan int)\ngo func() {\n\tfor i := 0; i < 3; i++ {\n\t\tch <- i\n\t}\n}()\nfor v := range ch {\n\tfmt.Println(v)\n}",
		[]string{"blocked in chan receive on ch at [1]:7"}},
	{"receive from a nil channel", "var ch chan int\nfmt.Println(<-ch)", []string{"blocked in chan receive (nil chan) on ch at [1]:2"}},
	{"range over a nil channel", "var ch chan string\nfor s := range ch {\n\tfmt.Println(s)\n}", []string{"blocked in chan receive (nil chan) on ch at [1]:2"}},
	// A channel is named by the operation that waits on it, not by the
	// name it was first used by.
	{"a channel under another name", "first := make(chan int, 1)\nfirst <- 1\nalias := first\n<-alias\n<-alias", []string{"blocked in chan receive on alias at [1]:5"}},
	{"send to a nil channel", "var ch chan int\nch <- 1", []string{"blocked in chan send (nil chan) on ch at [1]:2"}},
	{"Cond without Signal", "var mu sync.Mutex\nc := sync.NewCond(&mu)\nmu.Lock()\nc.Wait()", []string{"blocked in Cond.Wait"}},
	{"select on silent channels", "a, b := make(chan int), make(chan string)\nselect {\ncase <-a:\ncase s := <-b:\n\tfmt.Println(s)\n}",
		[]string{"blocked in select at [1]:2"}},
}

func TestDeadlocksAreReported(t *testing.T) {
	for _, d := range deadlocks {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			s := newTestSession(t)
			s.ok("kept := 42")
			s.n = 0
			start := time.Now()
			r, c := s.exec(d.code)
			took := time.Since(start)
			if r.Status != "error" || r.Evalue != "all goroutines are asleep - deadlock!" {
				t.Fatalf("reply %s %s: %s\n%s", r.Status, r.Ename, r.Evalue, strings.Join(r.Traceback, "\n"))
			}
			tb := strings.Join(r.Traceback, "\n")
			for _, w := range d.want {
				if !strings.Contains(tb, w) {
					t.Errorf("the report lacks %q:\n%s", w, tb)
				}
			}
			// Without detection the cell would wait for ever; how soon
			// it is reported (two looks 250ms apart) is for a person to read.
			t.Logf("reported after %v", took)
			if len(c.errors) != 1 {
				t.Errorf("%d error outputs, want 1", len(c.errors))
			}
			if got := s.ok("kept").results; len(got) != 1 || got[0] != "42" {
				t.Errorf("after the deadlock, kept = %q", got)
			}
		})
	}
}

// Cells whose goroutines all wait for a while, but on something that ends
// by itself: they must finish normally, with no deadlock reported.
var slowButAlive = []struct{ name, code string }{
	{"sleeping sender", "ch := make(chan int)\ngo func() { time.Sleep(1200 * time.Millisecond); ch <- 1 }()\n<-ch"},
	{"select with time.After", "ch := make(chan int)\nselect {\ncase <-ch:\ncase <-time.After(1200 * time.Millisecond):\n}"},
	{"receive from time.After", "<-time.After(1200 * time.Millisecond)"},
	{"timer", "t := time.NewTimer(1200 * time.Millisecond)\n<-t.C"},
	{"ticker", "t := time.NewTicker(300 * time.Millisecond)\nfor i := 0; i < 4; i++ {\n\t<-t.C\n}\nt.Stop()"},
	{"context deadline", "ctx, cancel := context.WithTimeout(context.Background(), 1200*time.Millisecond)\ndefer cancel()\n<-ctx.Done()"},
	{"context deadline in a goroutine", "ctx, cancel := context.WithTimeout(context.Background(), 1200*time.Millisecond)\ndefer cancel()\ndone := make(chan bool)\ngo func() { <-ctx.Done(); done <- true }()\n<-done"},
	{"AfterFunc", "ch := make(chan int)\ntime.AfterFunc(1200*time.Millisecond, func() { ch <- 1 })\n<-ch"},
	{"busy goroutine", "ch := make(chan int)\ngo func() {\n\tend := time.Now().Add(1200 * time.Millisecond)\n\tn := 0\n\tfor time.Now().Before(end) {\n\t\tn++\n\t}\n\tch <- n\n}()\n<-ch"},
	{"goroutine waiting on the network", "conn, err := net.ListenPacket(\"udp\", \"127.0.0.1:0\")\nif err != nil {\n\tpanic(err)\n}\nch := make(chan error)\ngo func() {\n\tconn.SetReadDeadline(time.Now().Add(1200 * time.Millisecond))\n\t_, _, err := conn.ReadFrom(make([]byte, 10))\n\tch <- err\n}()\nfmt.Println(<-ch)"},
	{"semaphore with a deadline", "sem := semaphore.NewWeighted(1)\nsem.Acquire(context.Background(), 1)\nctx, cancel := context.WithTimeout(context.Background(), 1200*time.Millisecond)\ndefer cancel()\nif err := sem.Acquire(ctx, 1); err == nil {\n\tpanic(\"acquired\")\n}"},
	{"mutex held by a sleeper", "var mu sync.Mutex\nmu.Lock()\ngo func() { time.Sleep(1200 * time.Millisecond); mu.Unlock() }()\nmu.Lock()"},
}

func TestNoFalseDeadlocks(t *testing.T) {
	for _, c := range slowButAlive {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := newTestSession(t)
			s.ok(c.code)
		})
	}
}

func TestLeaksAreReported(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`results := make(chan string)
fetch := func(name string) { results <- name }
go fetch("a")
go fetch("b")
go fetch("c")
fmt.Println(<-results)`)
	first := strings.TrimSpace(c.stream("stdout"))
	warn := c.stream("stderr")
	for _, w := range []string{"warning: 2 goroutines started by this cell are still blocked", "goroutine fetch(", "started at [1]:", "blocked in chan send on results at [1]:2"} {
		if !strings.Contains(warn, w) {
			t.Errorf("the warning lacks %q:\n%s", w, warn)
		}
	}
	if len(c.errors) != 0 {
		t.Errorf("a leak is a warning, not an error: %q", c.errors)
	}
	// Goroutines that run or sleep are not leaks; nor are goroutines that
	// finish as the cell returns.
	for _, code := range []string{
		"go func() {\n\tfor {\n\t\ttime.Sleep(10 * time.Millisecond)\n\t}\n}()",
		"done := make(chan bool)\ngo func() { done <- true }()\n<-done",
		"var wg sync.WaitGroup\nfor i := 0; i < 50; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done() }()\n}\nwg.Wait()",
	} {
		if c := s.ok(code); strings.Contains(c.stream("stderr"), "warning") {
			t.Errorf("%q: unexpected warning %q", code, c.stream("stderr"))
		}
	}
	// A later cell can wake the goroutines the warning was about.
	c = s.ok("fmt.Println(<-results, <-results)")
	got := strings.Fields(c.stream("stdout") + " " + first)
	sort.Strings(got)
	if strings.Join(got, " ") != "a b c" {
		t.Errorf("the leaked goroutines did not deliver: %q after %q", c.stream("stdout"), first)
	}
}
