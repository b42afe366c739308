package gotool

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// TestMain gives moduleVersion what goconc's build information says: the
// versions of goconc's go.mod (a test binary has none).
func TestMain(m *testing.M) {
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		panic(err)
	}
	moduleVersion = func(path string) string {
		v := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(path) + ` (v\S+)`).FindSubmatch(gomod)
		if v == nil {
			return ""
		}
		return string(v[1])
	}
	os.Exit(m.Run())
}

const racy = `package main

import "sync"

func main() {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
//line [4]:7:1
			n++
		}()
	}
	wg.Wait()
	println(n > 0)
}
`

func TestRaceFound(t *testing.T) {
	var out, errs bytes.Buffer
	r, err := Run(context.Background(), Race, racy, &out, &errs)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Races) == 0 {
		t.Fatalf("no race found; stderr:\n%s", errs.String())
	}
	a := r.Races[0]
	if a.Access.Pos != "[4]:7" || a.Previous.Pos != "[4]:7" {
		t.Errorf("race at %+v", a)
	}
	if a.Access.Op != "read" && a.Access.Op != "write" {
		t.Errorf("access %+v", a.Access)
	}
	if !strings.Contains(errs.String(), "WARNING: DATA RACE") {
		t.Error("the race report did not reach stderr")
	}
	t.Logf("build %v, run %v, %d races", r.Build, r.Run, len(r.Races))
}

func TestRaceFree(t *testing.T) {
	var out, errs bytes.Buffer
	r, err := Run(context.Background(), Race, strings.Replace(racy, "\t\t\tn++\n", "\t\t\tmu.Lock(); n++; mu.Unlock()\n", 1)+"\nvar mu sync.Mutex\n", &out, &errs)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Races) != 0 || r.ExitCode != 0 {
		t.Errorf("races %+v, exit %d:\n%s", r.Races, r.ExitCode, errs.String())
	}
	if out.String() != "" || !strings.Contains(errs.String(), "true") {
		t.Errorf("output %q %q", out.String(), errs.String())
	}
}

func TestVetFindsCopiedLock(t *testing.T) {
	src := "package main\n\nimport \"sync\"\n\ntype counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n//line [2]:3:1\nfunc show(c counter) { println(c.n) }\n\nfunc main() { show(counter{}) }\n"
	r, err := Run(context.Background(), Vet, src, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) == 0 || !strings.Contains(strings.Join(r.Findings, "\n"), "[2]:3") || !strings.Contains(strings.Join(r.Findings, "\n"), "lock") {
		t.Errorf("findings %q", r.Findings)
	}
}

func TestBuildErrorsAndCancel(t *testing.T) {
	if _, err := Run(context.Background(), Race, "package main\n\nfunc main() { undefined() }\n", nil, nil); err == nil || !strings.Contains(err.Error(), "does not build") {
		t.Errorf("err = %v", err)
	}
	// Cancelled once the program runs (it has printed), Run kills it.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &signalWriter{wrote: make(chan struct{})}
	go func() {
		<-out.wrote
		cancel()
	}()
	_, err := Run(ctx, Race, "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"running\")\n\tselect {}\n}\n", out, nil)
	if err == nil {
		t.Errorf("cancel: the program was not stopped")
	}
}

func TestMissingToolchain(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	defer func(places []string) { goPlaces = places }(goPlaces)
	goPlaces = nil
	_, err := Run(context.Background(), Race, racy, nil, nil)
	if err == nil || !strings.Contains(err.Error(), "need the Go toolchain") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkRaceCell measures a %%race cell end to end: build with -race
// and run. The first iteration may fill the build cache; run with
// GOCACHE=$(mktemp -d) -benchtime 1x for the cold figure.
func BenchmarkRaceCell(b *testing.B) {
	for i := 0; i < b.N; i++ {
		r, err := Run(context.Background(), Race, racy, nil, nil)
		if err != nil || len(r.Races) == 0 {
			b.Fatalf("%v %+v", err, r)
		}
		b.ReportMetric(r.Build.Seconds(), "build-s")
	}
}

// The race detector records one creation frame for goroutines started by
// wg.Go: the summary names that function rather than a line in the
// standard library.
// A cell of the tour's Equivalent Binary Trees exercise builds with the
// tour's module, at the version goconc has, and its race is found.
func TestRaceInATourProgram(t *testing.T) {
	const program = `package main

import (
	"fmt"

	"golang.org/x/tour/tree"
)

var visited int

func Walk(t *tree.Tree, ch chan int) {
	if t == nil {
		return
	}
	Walk(t.Left, ch)
//line [2]:9:1
	visited++
	ch <- t.Value
	Walk(t.Right, ch)
}

func main() {
	a, b := make(chan int), make(chan int)
	go func() { Walk(tree.New(1), a); close(a) }()
	go func() { Walk(tree.New(1), b); close(b) }()
	sum := 0
	for v := range a {
		sum += v + <-b
	}
	fmt.Println(sum)
}
`
	var out, errs bytes.Buffer
	r, err := Run(context.Background(), Race, program, &out, &errs)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != "110\n" {
		t.Errorf("the program printed %q, want 110; stderr:\n%s", out.String(), errs.String())
	}
	if len(r.Races) == 0 || r.Races[0].Access.Pos != "[2]:9" {
		t.Errorf("races %+v, want one at [2]:9; stderr:\n%s", r.Races, errs.String())
	}
}

func TestRaceCreatedInCompiledCode(t *testing.T) {
	report := `==================
WARNING: DATA RACE
Read at 0x00c000096028 by goroutine 9:
  main.main.func1()
      [3]:6 +0x2e

Previous write at 0x00c000096028 by goroutine 8:
  main.main.func1()
      [3]:6 +0x44

Goroutine 9 (running) created at:
  sync.(*WaitGroup).Go()
      /usr/local/go/src/sync/waitgroup.go:238 +0x72

Goroutine 8 (finished) created at:
  main.main()
      [3]:4 +0x72
==================
`
	rs := races(report)
	if len(rs) != 1 {
		t.Fatalf("%d races", len(rs))
	}
	if got := rs[0].Access.Created; got != "sync.(*WaitGroup).Go" {
		t.Errorf("access created by %q", got)
	}
	if got := rs[0].Previous.Created; got != "[3]:4" {
		t.Errorf("previous access created at %q", got)
	}
	a, p := rs[0].Access.String(), rs[0].Previous.String()
	if a != "read at [3]:6 by a goroutine started in sync.(*WaitGroup).Go" || p != "write at [3]:6 by the goroutine started at [3]:4" {
		t.Errorf("described as %q and %q", a, p)
	}
}

// signalWriter closes wrote at its first write.
type signalWriter struct {
	once  sync.Once
	wrote chan struct{}
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.once.Do(func() { close(w.wrote) })
	return len(p), nil
}
