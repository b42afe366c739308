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
