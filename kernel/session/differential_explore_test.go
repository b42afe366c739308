package session

import (
	"strings"
	"sync/atomic"
	"testing"

	"github.com/goconc/goconc/kernel/evaluator"
)

// TestDifferentialExplored runs every program of testdata/differential
// as one explored cell (%%explore, three schedules): the corpus's programs
// print what Go fixes, whatever the schedule, so every schedule must give
// one outcome, the compiled program's output. It checks the pipeline's
// scheduling points (explorepoints.go) and the scheduler's channels,
// locks and timers against programs written for go run.
func TestDifferentialExplored(t *testing.T) {
	if raceEnabled {
		// .ci/test runs it in the step without -race, beside Go's test
		// suite: 135 explorations under the race detector take minutes.
		t.Skip("run without -race (go test -run TestDifferentialExplored ./kernel/session)")
	}
	var matched atomic.Int32
	var programs int
	t.Cleanup(func() {
		t.Logf("%d of %d programs explore to one outcome, Go's (%d with differences of the interpreter left out)", matched.Load(), programs, len(knownDifferences))
	})
	programs = forEachDifferential(t, func(t *testing.T, name, src, stdout, stderr string) {
		s := newTestSession(t)
		res := s.explore("%%explore 3 seed=1", src)
		var got []string
		for _, o := range res.outcomes {
			got = append(got, o.output)
		}
		want := stdout + evaluator.MarkStderr(stderr)
		same := len(got) == 1 && sameLines(got[0], want)
		if _, known := knownDifferences[name]; known {
			return // a difference of the interpreter, explored or not
		}
		if why, known := exploreDifferences[name]; known {
			if same {
				t.Errorf("%s now explores as Go runs it: take it off exploreDifferences (%s)", name, why)
			}
			return
		}
		if !same {
			t.Errorf("%s\n got: %q\nwant: %q", res.verdict, got, want)
		}
		matched.Add(1)
	})
}

// exploreDifferences are the programs of the corpus whose exploration
// does not give Go's output alone, and why.
var exploreDifferences = map[string]string{
	"go_nil_argument": "registers a handler on http.DefaultServeMux, which the process keeps: the second schedule registers it again and panics, as running the cell twice in a notebook does",
	"tour_readers":    "reader.Validate reads a megabyte through the cell's Read, which stores it a byte at a time into a slice another goroutine could hold: a scheduling point per byte, past the 200,000 a schedule may pass, so every schedule is cut",
}

// sameLines compares an outcome with the compiled output: the table shows
// standard output and error in the order they came, which two pipes do not
// keep; each stream must be the same.
func sameLines(got, want string) bool {
	split := func(s string) (out, errs []string) {
		for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
			if e, ok := strings.CutPrefix(l, "stderr: "); ok {
				errs = append(errs, e)
			} else {
				out = append(out, l)
			}
		}
		return out, errs
	}
	go1, ge := split(got)
	wo, we := split(want)
	return strings.Join(go1, "\n") == strings.Join(wo, "\n") && strings.Join(ge, "\n") == strings.Join(we, "\n")
}
