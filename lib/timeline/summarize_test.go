package timeline

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/goconc/goconc/lib/trace"
)

// summarizeByColumn is summarize written the plain way, a span at a time
// and a column at a time: the answer summarize must give.
func summarizeByColumn(spans []span, g geometry) []span {
	cols := int(g.x1-g.x0) + 1
	per := float64(g.duration) / float64(cols)
	total := make([]float64, cols)
	byReason := make([]map[trace.Reason]float64, cols)
	for _, s := range spans {
		for c := 0; c < cols; c++ {
			lo := math.Max(float64(s.from), float64(c)*per)
			hi := math.Min(float64(s.to), float64(c+1)*per)
			if hi <= lo {
				continue
			}
			if byReason[c] == nil {
				byReason[c] = map[trace.Reason]float64{}
			}
			total[c] += hi - lo
			byReason[c][s.reason] += hi - lo
		}
	}
	var out []span
	for c := range total {
		if total[c] < per/4 {
			continue
		}
		best, bestT := trace.NotBlocked, -1.0
		for r, t := range byReason[c] {
			if t > bestT || t == bestT && r < best {
				best, bestT = r, t
			}
		}
		from, to := time.Duration(float64(c)*per), time.Duration(float64(c+1)*per)
		if n := len(out); n > 0 && out[n-1].reason == best && out[n-1].to >= from {
			out[n-1].to = to
			continue
		}
		out = append(out, span{from: from, to: to, reason: best, label: best.String() + " (summary)", summary: true})
	}
	return out
}

func TestSummarizeMatchesColumnByColumn(t *testing.T) {
	// 700 columns of 10 ms and spans in whole milliseconds: every sum
	// is exact, so ties are ties in both.
	g := geometry{x0: 230, x1: 929, duration: 7 * time.Second}
	reasons := []trace.Reason{trace.ChanRecv, trace.MutexLock, trace.WaitGroupWait}
	for _, tc := range []struct {
		name        string
		spans, long int // how many spans, and how long at most (ms)
	}{
		{"short spans", 400, 5},
		{"long spans", 200, 7000},
		{"mixed", 1000, 300},
		{"one span", 1, 7000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tc.spans)))
			var spans []span
			for range tc.spans {
				from := time.Duration(rng.IntN(7100)-50) * time.Millisecond
				to := from + time.Duration(rng.IntN(tc.long)+1)*time.Millisecond
				spans = append(spans, span{from: from, to: to, reason: reasons[rng.IntN(len(reasons))]})
			}
			got, want := summarize(spans, g), summarizeByColumn(spans, g)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("summarize drew %d spans, column by column %d:\n got %v\nwant %v", len(got), len(want), got, want)
			}
		})
	}
}
