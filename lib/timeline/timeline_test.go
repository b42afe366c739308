package timeline

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/lib/trace"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func names() []string {
	var out []string
	for n := range scenarios {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TestGolden compares the SVG and text of each scenario with its golden
// file. Run with -update after an intended change, and look at the diff.
func TestGolden(t *testing.T) {
	for _, name := range names() {
		t.Run(name, func(t *testing.T) {
			tr := scenarios[name]()
			for ext, got := range map[string][]byte{
				".svg": SVG(tr, WithTitle(name)),
				".txt": []byte(Text(tr, WithTitle(name))),
			} {
				path := filepath.Join("testdata", name+ext)
				if *update {
					os.WriteFile(path, got, 0o644)
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; run with -update and review the diff", path)
				}
			}
		})
	}
}

// TestDeterministic renders each scenario twice.
func TestDeterministic(t *testing.T) {
	for _, name := range names() {
		a, b := SVG(scenarios[name]()), SVG(scenarios[name]())
		pa, _ := PNG(scenarios[name]())
		pb, _ := PNG(scenarios[name]())
		if !bytes.Equal(a, b) || !bytes.Equal(pa, pb) {
			t.Errorf("%s: two renderings differ", name)
		}
	}
}

// checkSVG parses an SVG with encoding/xml and checks it is static.
func checkSVG(t *testing.T, svg []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	root := true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root {
				root = false
				attrs := map[string]string{}
				for _, a := range se.Attr {
					attrs[a.Name.Local] = a.Value
				}
				if se.Name.Local != "svg" || attrs["width"] == "" || attrs["height"] == "" || attrs["viewBox"] == "" {
					t.Errorf("root element %v", se)
				}
			}
			switch se.Name.Local {
			case "script", "style", "foreignObject", "image", "use":
				t.Errorf("element <%s> in a static timeline", se.Name.Local)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(a.Name.Local, "on") || a.Name.Local == "href" || a.Name.Local == "style" {
					t.Errorf("attribute %s", a.Name.Local)
				}
			}
		}
	}
}

func TestSVGIsStaticXML(t *testing.T) {
	for _, name := range names() {
		checkSVG(t, SVG(scenarios[name]()))
	}
}

func TestEscaping(t *testing.T) {
	tr := scenarios["panic-escaping"]()
	svg := string(SVG(tr))
	for _, bad := range []string{"<script", "<img", "<b>", "onerror=alert(2)>"} {
		if strings.Contains(svg, bad) {
			t.Errorf("SVG contains %q unescaped", bad)
		}
	}
	if !strings.Contains(svg, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the goroutine's name is not shown as text")
	}
	if !strings.Contains(string(HTML(tr)), "&lt;script&gt;") || strings.Contains(string(HTML(tr)), "<script") {
		t.Error("HTML page does not escape names")
	}
}

func TestDiagnostics(t *testing.T) {
	tests := map[string][]string{
		"leak":           {"1 goroutine(s) still running", `fetch("b") (started at [11]:6): blocked on results <- at [11]:7`},
		"deadlock":       {"deadlock: all goroutines are asleep", "main: blocked on <-out at [10]:8", "relay: blocked on <-in at [10]:4"},
		"panic-escaping": {"panicked: index out of range & <oops>"},
		"lock-order": {"transfer(a, b): blocked on b.mu.Lock at [13]:4, held by transfer(b, a)",
			"transfer(b, a): blocked on a.mu.Lock at [13]:4, held by transfer(a, b)"},
		"pingpong": nil,
	}
	for name, want := range tests {
		got := strings.Join(Diagnostics(scenarios[name]()), "\n")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: diagnostics %q lack %q", name, got, w)
			}
		}
		if want == nil && got != "" {
			t.Errorf("%s: unexpected diagnostics %q", name, got)
		}
	}
}

func TestPNG(t *testing.T) {
	b, err := PNG(scenarios["workerpool"]())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 960 || len(b) > 100<<10 {
		t.Errorf("PNG %v, %d bytes", img.Bounds(), len(b))
	}
}

// bigTrace has n events from many goroutines, as a busy cell records them.
func bigTrace(n int) *trace.Trace {
	b := newBuilder(time.Second).g(1, "main", "", -1, -1).obj(1, trace.Chan, "jobs").obj(2, trace.Mutex, "mu")
	const workers = 100
	for w := int64(0); w < workers; w++ {
		b.g(2+w, "worker", "[1]:3", 0, -1)
	}
	seq := int64(0)
	for i := 0; len(b.t.Events) < n; i++ {
		at := time.Duration(i) * time.Second / time.Duration(n/6+1)
		w := 2 + int64(i%workers)
		seq++
		b.ev(at, 1, trace.EvSend, 0, 1, seq, "job")
		b.ev(at, w, trace.EvRecv, 0, 1, seq, "job")
		b.ev(at, w, trace.EvBlock, trace.MutexLock, 2, 0, "")
		b.ev(at+1, w, trace.EvUnblock, 0, 2, 0, "")
		b.ev(at+1, w, trace.EvLock, 0, 2, 0, "")
		b.ev(at+2, w, trace.EvUnlock, 0, 2, 0, "")
	}
	return b.t
}

// poolTrace is the trace of a worker pool: a feeder sends jobs, 8 workers
// receive them and send results, main receives those; about 8 events a
// job, with some blocking.
func poolTrace(jobs int) *trace.Trace {
	b := newBuilder(40*ms).g(1, "cell [1]", "", -1, -1).g(2, "func()", "[1]:13", 0, -1).
		obj(1, trace.Chan, "jobs").obj(2, trace.Chan, "results")
	for w := int64(0); w < 8; w++ {
		b.g(3+w, "func()", "[1]:5", 0, -1)
	}
	for i := 0; i < jobs; i++ {
		at := time.Duration(i) * 40 * ms / time.Duration(jobs)
		w := 3 + int64(i%8)
		seq := int64(i + 1)
		if i%3 == 0 {
			b.block(at, at+1, 2, trace.ChanSend, 1)
		}
		b.ev(at+1, 2, trace.EvSend, 0, 1, seq, fmtInt(int64(i)))
		b.block(at, at+1, w, trace.ChanRecv, 1)
		b.ev(at+1, w, trace.EvRecv, 0, 1, seq, fmtInt(int64(i)))
		b.ev(at+2, w, trace.EvSend, 0, 2, seq, fmtInt(int64(2*i)))
		b.ev(at+3, 1, trace.EvRecv, 0, 2, seq, fmtInt(int64(2*i)))
	}
	return b.t
}

// locksTrace is the trace of 8 goroutines taking turns on one mutex, as
// a lock-heavy cell records it: n events, a wait before one lock in four.
func locksTrace(n int) *trace.Trace {
	b := newBuilder(100*ms).g(1, "cell [1]", "", -1, -1).obj(1, trace.Mutex, "mu")
	for w := int64(0); w < 8; w++ {
		b.g(2+w, "func()", "[1]:5", 0, -1)
	}
	for i := 0; len(b.t.Events) < n; i++ {
		at := time.Duration(i) * 100 * ms / time.Duration(n/2)
		w := 2 + int64(i%8)
		if i%4 == 0 {
			b.block(at, at+1, w, trace.MutexLock, 1)
		}
		b.ev(at+1, w, trace.EvLock, 0, 1, 0, "")
		b.ev(at+2, w, trace.EvUnlock, 0, 1, 0, "")
	}
	return b.t
}

func TestLargeTracesDrawSmall(t *testing.T) {
	tr := bigTrace(100_000)
	svg := SVG(tr)
	if len(svg) > 1<<20 {
		t.Errorf("SVG of 100k events is %d bytes", len(svg))
	}
	checkSVG(t, svg)
	if !strings.Contains(string(svg), "busiest are drawn") || !strings.Contains(string(svg), "transfers between goroutines") {
		t.Error("no note says what was merged and thinned")
	}
	if text := Text(tr); len(text) > 64<<10 {
		t.Errorf("text of 100k events is %d bytes", len(text))
	}
}

// The header counts every goroutine, also those that share the last lane:
// it said "40 goroutines" of a cell that started 50.
func TestHeaderCountsMergedGoroutines(t *testing.T) {
	const n = 100
	b := newBuilder(10*ms).g(1, "cell [1]", "", -1, -1)
	for w := int64(2); w <= n; w++ {
		b.g(w, "func()", "[1]:5", 0, ms)
	}
	tr := b.t
	text := Text(tr)
	if !strings.Contains(text, "more goroutines") {
		t.Fatalf("%d goroutines were drawn each in a lane of its own:\n%s", n, text)
	}
	want := fmt.Sprintf(": %d goroutines, ", n)
	if first, _, _ := strings.Cut(text, "\n"); !strings.Contains(first, want) {
		t.Errorf("header %q, want it to count %d goroutines", first, n)
	}
	if svg := string(SVG(tr)); !strings.Contains(svg, fmt.Sprintf(">%d goroutines, ", n)) {
		t.Errorf("the SVG's header does not count %d goroutines", n)
	}
}

// BenchmarkRenderPool renders what a cell shows (SVG and text) for a
// worker pool of 10,000 jobs: about 80,000 events.
func BenchmarkRenderPool(b *testing.B) {
	tr := poolTrace(10_000)
	b.ReportMetric(float64(len(tr.Events)), "events")
	for i := 0; i < b.N; i++ {
		Render(tr)
	}
}

// BenchmarkRenderLocks renders what a cell shows for a full trace of a
// lock-heavy cell: 200,000 events of 8 goroutines on one mutex.
func BenchmarkRenderLocks(b *testing.B) {
	tr := locksTrace(200_000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Render(tr)
	}
}

func BenchmarkRender(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		tr := bigTrace(n)
		b.Run(fmtInt(int64(n/1000))+"k-svg", func(b *testing.B) {
			var size int
			for i := 0; i < b.N; i++ {
				size = len(SVG(tr))
			}
			b.ReportMetric(float64(size), "bytes")
		})
		b.Run(fmtInt(int64(n/1000))+"k-png", func(b *testing.B) {
			var size int
			for i := 0; i < b.N; i++ {
				p, _ := PNG(tr)
				size = len(p)
			}
			b.ReportMetric(float64(size), "bytes")
		})
	}
}
