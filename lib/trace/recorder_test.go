package trace

import (
	stdsync "sync"
	"testing"
	"time"
)

// Events are stamped with the processor's cycle counter where there is one
// and converted when the trace is built: their times must still be real
// durations.
func TestEventTimesAreDurations(t *testing.T) {
	Start()
	begin := time.Now()
	Mark("before")
	time.Sleep(20 * time.Millisecond)
	Mark("after")
	wall := time.Since(begin)
	tr := Stop()
	var at []time.Duration
	for _, e := range tr.Events {
		if e.Kind == EvMark {
			at = append(at, e.At)
		}
	}
	if len(at) != 2 {
		t.Fatalf("%d marks", len(at))
	}
	// Between the marks: at least the sleep, at most what the wall clock
	// saw around both marks (longer on a loaded machine).
	if d := at[1] - at[0]; d < 19*time.Millisecond || d > wall+wall/10+5*time.Millisecond {
		t.Errorf("a 20ms sleep that took %v by the wall clock is %v between the marks in the trace", wall, d)
	}
	if tr.Duration < at[1] {
		t.Errorf("the trace lasts %v, less than its last event at %v", tr.Duration, at[1])
	}
}

func startedElsewhere(done chan<- bool) {
	Mark("from a goroutine the trace did not start")
	done <- true
}

// A goroutine the recorder meets without having started it is named after
// the function it began with.
func TestUnknownGoroutinesAreNamedAfterTheirFunction(t *testing.T) {
	Start()
	done := make(chan bool)
	go startedElsewhere(done)
	<-done
	tr := Stop()
	for _, g := range tr.Goroutines {
		if g.Title() == "trace.startedElsewhere" {
			return
		}
	}
	var titles []string
	for _, g := range tr.Goroutines {
		titles = append(titles, g.Title())
	}
	t.Errorf("no goroutine named trace.startedElsewhere among %q", titles)
}

// A cell that makes new primitives each time it runs must not make the
// recorder grow: objects whose address a new one took are forgotten.
func TestSupersededObjectsAreForgotten(t *testing.T) {
	addr := uintptr(0x1000)
	for i := 0; i < 100; i++ {
		Start()
		NewObject(addr, Mutex, 0)
		Stop()
	}
	rec.mu.Lock()
	n := 0
	for _, o := range rec.objects {
		if o.Kind == Mutex && rec.addrs[addr] != o.ID && o.Name == defaultName(Mutex, o.ID) {
			n++
		}
	}
	rec.mu.Unlock()
	if n > 1 {
		t.Fatalf("%d superseded objects kept", n)
	}
}

// Goroutines that end while no trace records leave nothing behind.
func TestUntracedGoroutinesAreForgotten(t *testing.T) {
	before := len(States())
	var wg stdsync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		tk := Fork()
		go func() {
			defer wg.Done()
			Enter("worker", "", tk)
			Exit(nil, false)
		}()
	}
	wg.Wait()
	rec.mu.Lock()
	kept := 0
	for _, s := range rec.gs {
		if s.name == "worker" {
			kept++
		}
	}
	rec.mu.Unlock()
	if kept > 0 || len(States()) != before {
		t.Fatalf("%d ended goroutines kept", kept)
	}
}
