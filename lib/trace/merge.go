package trace

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"time"
)

// mergeByTime merges lists of events, each in time order, into one.
//
// It runs when a cell ends and its timeline is drawn, over as many as
// 200,000 events: the cell's goroutines are done by then, so a large trace
// is cut into stretches of time merged side by side, one per processor.
func mergeByTime(lists [][]Event) []Event {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]Event, n)
	parts := min(runtime.GOMAXPROCS(0), 4, n/minPart)
	if parts <= 1 {
		mergeInto(out, lists)
		return out
	}
	var wg sync.WaitGroup
	from := make([]int, len(lists)) // where each list's part begins
	at := 0                         // where the part goes in out
	for p := 1; p <= parts; p++ {
		to := make([]int, len(lists))
		if p == parts {
			for i, l := range lists {
				to[i] = len(l)
			}
		} else {
			cut := timeBefore(lists, p*n/parts)
			for i, l := range lists {
				to[i] = sort.Search(len(l), func(j int) bool { return l[j].At >= cut })
			}
		}
		part := make([][]Event, len(lists))
		size := 0
		for i, l := range lists {
			part[i] = l[from[i]:to[i]]
			size += len(part[i])
		}
		dst := out[at : at+size]
		wg.Go(func() { mergeInto(dst, part) })
		from, at = to, at+size
	}
	wg.Wait()
	return out
}

// minPart is the fewest events worth merging on a processor of its own.
const minPart = 20_000

// timeBefore returns the earliest time t such that at least k events, k
// at least 1, come before t.
func timeBefore(lists [][]Event, k int) time.Duration {
	before := func(t time.Duration) int {
		c := 0
		for _, l := range lists {
			c += sort.Search(len(l), func(j int) bool { return l[j].At >= t })
		}
		return c
	}
	lo, hi := time.Duration(math.MaxInt64), time.Duration(math.MinInt64)
	for _, l := range lists {
		if len(l) > 0 {
			lo, hi = min(lo, l[0].At), max(hi, l[len(l)-1].At+1)
		}
	}
	// None come before lo, all before hi.
	for lo < hi {
		mid := lo + (hi-lo)/2
		if before(mid) >= k {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// mergeInto merges lists of events, each in time order, into dst, which
// has room for exactly all of them.
func mergeInto(dst []Event, lists [][]Event) {
	// A goroutine's events come in several chunks, one after the other:
	// merge stretches of lists that follow each other, not the lists, so
	// that the heap is as small as the number of goroutines.
	var h []stretch
	for _, l := range lists {
		if len(l) == 0 {
			continue
		}
		if k := len(h) - 1; k >= 0 && !h[k].after(l[0].At) {
			h[k].lists = append(h[k].lists, l)
			continue
		}
		h = append(h, stretch{at: l[0].At, lists: [][]Event{l}})
	}
	i := 0
	if len(h) == 1 {
		// One goroutine, or goroutines that took turns: no merging.
		for _, l := range h[0].lists {
			i += copy(dst[i:], l)
		}
		return
	}
	// A binary heap of the stretches by their next event, written out:
	// this runs for every event of a trace.
	for j := len(h)/2 - 1; j >= 0; j-- {
		siftDown(h, j)
	}
	for len(h) > 0 {
		// Goroutines record in bursts: copy the earliest stretch's events
		// up to the next one's first, a burst at a time.
		r := &h[0]
		l := r.lists[0]
		bound := time.Duration(math.MaxInt64)
		for _, c := range h[1:min(len(h), 3)] { // the root's children
			bound = min(bound, c.at)
		}
		k := 1
		for k < len(l) && l[k].At <= bound {
			k++
		}
		i += copy(dst[i:], l[:k])
		switch {
		case k < len(l):
			r.lists[0] = l[k:]
		case len(r.lists) > 1:
			r.lists = r.lists[1:]
		default:
			last := len(h) - 1
			h[0] = h[last]
			h = h[:last]
			siftDown(h, 0)
			continue
		}
		r.at = r.lists[0][0].At
		siftDown(h, 0)
	}
}

// stretch is a sequence of lists of events that follow each other in
// time, merged from its first list's first event, at.
type stretch struct {
	at    time.Duration
	lists [][]Event
}

// after reports whether the stretch's last event comes after at.
func (r *stretch) after(at time.Duration) bool {
	l := r.lists[len(r.lists)-1]
	return l[len(l)-1].At > at
}

// siftDown restores the heap order of h below i.
func siftDown(h []stretch, i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1].at < h[c].at {
			c++
		}
		if h[i].at <= h[c].at {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}
