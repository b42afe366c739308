package session

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
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
	dirs, err := filepath.Glob("testdata/differential/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no programs: %v", err)
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", bin+string(filepath.Separator), "./testdata/differential/...")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var matched atomic.Int32
	t.Cleanup(func() {
		t.Logf("%d of %d programs explore to one outcome, Go's (%d with differences of the interpreter left out)", matched.Load(), len(dirs), len(knownDifferences))
	})
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(filepath.Join(dir, "main.go"))
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr strings.Builder
			cmd := exec.Command(filepath.Join(bin, name))
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("the compiled program failed: %v\n%s", err, stderr.String())
			}
			s := newTestSession(t)
			res := s.explore("%%explore 3 seed=1", string(src))
			var got []string
			for _, o := range res.outcomes {
				got = append(got, o.output)
			}
			want := stdout.String() + markLines(stderr.String())
			same := len(got) == 1 && sameLines(got[0], want)
			if why, known := knownDifferences[name]; known {
				_ = why
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
}

// exploreDifferences are the programs of the corpus whose exploration
// does not give Go's output alone, and why.
var exploreDifferences = map[string]string{
	"go_nil_argument": "registers a handler on http.DefaultServeMux, which the process keeps: the second schedule registers it again and panics, as running the cell twice in a notebook does",
}

// markLines marks each line of standard error as an exploration's table
// shows it.
func markLines(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("stderr: " + l)
		}
	}
	return b.String()
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
