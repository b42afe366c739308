package selfcheck_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lib/selfcheck"
)

// failure runs f and returns the message of the check it failed, or "".
func failure(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			fl, ok := r.(*selfcheck.Failure)
			if !ok {
				t.Fatalf("panic with %T %v, want *selfcheck.Failure", r, r)
			}
			msg = fl.Error()
		}
	}()
	f()
	return ""
}

func TestChecks(t *testing.T) {
	var out bytes.Buffer
	saved := selfcheck.Output
	selfcheck.Output = &out
	defer func() { selfcheck.Output = saved }()

	leak := make(chan int)
	defer close(leak)
	for _, tc := range []struct {
		name string
		f    func()
		fail string // "" when the check must pass
	}{
		{"equal", func() { selfcheck.Equal("1+1", 1+1, 2) }, ""},
		{"not equal", func() { selfcheck.Equal("1+1", 1+1, 3) }, "✗ 1+1: got 2, want 3"},
		{"slices", func() { selfcheck.Equal("s", []int{1, 2}, []int{1, 2}) }, ""},
		{"true", func() { selfcheck.True("ok", true, "") }, ""},
		{"false", func() { selfcheck.True("ok", false, "it was not") }, "✗ ok: it was not"},
		{"same", func() { selfcheck.Same("const", 20, func() any { return 7 }) }, ""},
		{"not same", func() {
			n := 0
			selfcheck.Same("counter", 5, func() any { n++; return n })
		}, "run 1 gave 1 but run 2 gave 2"},
		{"no leak", func() {
			selfcheck.NoLeak("clean", func() {
				var wg sync.WaitGroup
				wg.Add(1)
				go func() { defer wg.Done() }()
				wg.Wait()
			})
		}, ""},
		{"leak", func() {
			selfcheck.NoLeak("leaky", func() { go func() { <-leak }() })
		}, "1 goroutine(s) still running"},
		{"within", func() { selfcheck.Within("quick", time.Second, func() {}) }, ""},
		{"too slow", func() { selfcheck.Within("slow", 10*time.Millisecond, func() { time.Sleep(time.Second) }) }, "✗ slow: still running after 10ms"},
		// A check failing inside Within's function fails the caller, in the
		// caller's goroutine (not the program, after Within has passed).
		{"failing inside", func() { selfcheck.Within("quick", time.Minute, func() { selfcheck.Equal("sum", 1, 2) }) }, "✗ sum: got 1, want 2"},
		{"at most", func() { selfcheck.AtMost("workers", 3, 3) }, ""},
		{"too many", func() { selfcheck.AtMost("workers", 4, 3) }, "✗ workers: 4, more than 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out.Reset()
			got := failure(t, tc.f)
			switch {
			case tc.fail == "" && got != "":
				t.Errorf("failed: %s", got)
			case tc.fail == "" && !strings.HasPrefix(out.String(), "✓ "):
				t.Errorf("passed without its ✓ line: %q", out.String())
			case tc.fail != "" && !strings.Contains(got, tc.fail):
				t.Errorf("failure %q, want one containing %q", got, tc.fail)
			}
		})
	}
}

func TestGauge(t *testing.T) {
	var g selfcheck.Gauge
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.Enter()
			<-start
			g.Leave()
		}()
	}
	for deadline := time.Now().Add(5 * time.Second); g.Max() < 5 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	close(start)
	wg.Wait()
	if g.Max() != 5 {
		t.Errorf("Max() = %d with 5 goroutines in at once", g.Max())
	}
	g.Enter()
	g.Leave()
	if g.Max() != 5 {
		t.Errorf("Max() = %d after one more alone; the most stays 5", g.Max())
	}
}
