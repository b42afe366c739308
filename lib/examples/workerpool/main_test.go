package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goconc/goconc/lib/timeline"
	"github.com/goconc/goconc/lib/trace"
)

func TestWorkerPool(t *testing.T) {
	trace.Start()
	sum := run(3, 9)
	tr := trace.Stop()
	if sum != 285 {
		t.Errorf("sum of squares 1..9 = %d", sum)
	}
	// main, three workers and the closer.
	if len(tr.Goroutines) != 5 {
		t.Errorf("%d goroutines", len(tr.Goroutines))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "timeline.html")
	if err := timeline.WriteHTML(path, tr); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, want := range []string{"<svg", "worker(1)", "results: ", "jobs: "} {
		if !strings.Contains(string(b), want) {
			t.Errorf("timeline.html lacks %q", want)
		}
	}
}
