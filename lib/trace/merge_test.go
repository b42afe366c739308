package trace

import (
	"math/rand"
	"slices"
	"testing"
	"time"
)

// mergeByTime must give every event once, in time order, for lists that
// interleave in bursts, tie, or follow each other; large traces are merged
// in parts side by side, and must give the same.
func TestMergeByTime(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 220; round++ {
		goroutines, events, gap := 1+rng.Intn(12), 40, 3
		if round >= 200 { // large enough to be cut into parts
			goroutines, events, gap = 1+rng.Intn(16), 2*minPart, 1+rng.Intn(4)
		}
		var lists [][]Event
		var all []time.Duration
		for g := 0; g < goroutines; g++ {
			var b buffer
			at := time.Duration(rng.Intn(50))
			for i := range rng.Intn(events) {
				at += time.Duration(rng.Intn(gap)) // ties and bursts
				b.append(Event{G: int64(g), At: at, Arg: int64(i)})
				all = append(all, at)
			}
			lists = b.views(lists)
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

// BenchmarkMergeByTime merges a full trace of a lock-heavy cell: 200,000
// events of 8 goroutines taking turns, each goroutine's in chunks.
func BenchmarkMergeByTime(b *testing.B) {
	const goroutines, events = 8, 200_000
	var bufs [goroutines]buffer
	for i := range events {
		bufs[i%goroutines].append(Event{G: int64(i % goroutines), At: time.Duration(i)})
	}
	var lists [][]Event
	for i := range bufs {
		lists = bufs[i].views(lists)
	}
	b.ReportAllocs()
	for b.Loop() {
		if out := mergeByTime(lists); len(out) != events {
			b.Fatalf("%d events out of %d", len(out), events)
		}
	}
}
