package trace

import (
	"math/rand"
	"slices"
	"testing"
	"time"
)

// mergeByTime must give every event once, in time order, for lists that
// interleave in bursts, tie, or follow each other.
func TestMergeByTime(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		var lists [][]Event
		var all []time.Duration
		for g := 0; g < 1+rng.Intn(12); g++ {
			var l []Event
			at := time.Duration(rng.Intn(50))
			for i := 0; i < rng.Intn(40); i++ {
				at += time.Duration(rng.Intn(3)) // ties and bursts
				l = append(l, Event{G: int64(g), At: at, Arg: int64(i)})
				all = append(all, at)
			}
			lists = append(lists, l)
		}
		out := mergeByTime(lists)
		if len(out) != len(all) {
			t.Fatalf("round %d: %d events out of %d", round, len(out), len(all))
		}
		next := map[int64]int64{} // each goroutine's events keep their order
		for i, e := range out {
			if i > 0 && e.At < out[i-1].At {
				t.Fatalf("round %d: event %d at %v after one at %v", round, i, e.At, out[i-1].At)
			}
			if e.Arg != next[e.G] {
				t.Fatalf("round %d: goroutine %d's event %d came before its event %d", round, e.G, e.Arg, next[e.G])
			}
			next[e.G]++
		}
		got := make([]time.Duration, len(out))
		for i, e := range out {
			got[i] = e.At
		}
		slices.Sort(all)
		if !slices.Equal(got, all) {
			t.Fatalf("round %d: times differ", round)
		}
	}
}

// Events are stamped with the processor's cycle counter where there is one
// and converted when the trace is built: their times must still be real
// durations.
func TestEventTimesAreDurations(t *testing.T) {
	Start()
	Mark("before")
	time.Sleep(20 * time.Millisecond)
	Mark("after")
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
	if d := at[1] - at[0]; d < 19*time.Millisecond || d > 500*time.Millisecond {
		t.Errorf("a 20ms sleep between the marks is %v in the trace", d)
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
