package session

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/stdsource"
)

// TestGoRangeGen runs the program Go's test/rangegen.go writes, the
// compiler's torture test of ranges over functions: hundreds of pairs of
// functions, one ranging over a function and one over a slice, in nests of
// labelled loops, switches and selects that break, continue, goto and
// return from any depth; each pair must log the same trace and return the
// same code, else the program panics "mismatch". The generated program is
// 240,000 lines: it runs in cells of rangeGenBatch pairs each, and each
// must print what the whole program prints after its pairs, "ok" and their
// number.
func TestGoRangeGen(t *testing.T) {
	if raceEnabled {
		t.Skip("run without -race (go test -run TestGoRangeGen ./kernel/session): under the race detector these cells take minutes")
	}
	root, err := stdsource.NewLoader("", nil).GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), programPatience)
	defer cancel()
	gen, err := goRun(ctx, filepath.Join(root, "test", "rangegen.go")).Output()
	if err != nil {
		t.Fatalf("go run rangegen.go: %v", err)
	}
	batches, err := rangeGenBatches(string(gen), rangeGenBatch)
	if err != nil {
		t.Fatal(err)
	}
	results := make(chan bool, len(batches))
	pairs := 0
	t.Run("cells", func(t *testing.T) {
		for i, b := range batches {
			pairs += b.pairs
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				got, ok := runProgramCell(t, b.src)
				want := fmt.Sprintf("ok %d\n", b.pairs)
				results <- ok && got == want
				if !ok || got != want {
					t.Errorf("pairs %s: got %.2000q (ok %v), want %q", b.names, got, ok, want)
				}
			})
		}
	})
	close(results)
	matched := 0
	for same := range results {
		if same {
			matched++
		}
	}
	t.Logf("Go's test/rangegen.go: %d of %d cells match (%d pairs of loops)", matched, len(batches), pairs)
}

// rangeGenBatch is the number of pairs of functions in a cell: about
// 15,000 lines.
const rangeGenBatch = 60

type rangeGenCell struct {
	src   string
	pairs int
	names string // the first and last test
}

// topLevel matches the start of a top-level declaration of the program.
var topLevel = regexp.MustCompile(`\n(func |type |var |const )`)

// testName matches the name of a test of a pair (test1_0_5_5, test1_0), which
// calls testFunc1_0_5_5 and testSlice1_0_5_5 and compares them.
var testName = regexp.MustCompile(`^func (test\d+(?:_\d+)+)\(`)

// rangeGenBatches splits the generated program into programs of n tests
// each, with the declarations the tests share.
func rangeGenBatches(src string, n int) ([]rangeGenCell, error) {
	var decls []string
	for len(src) > 0 {
		loc := topLevel.FindStringIndex(src[1:])
		if loc == nil {
			decls = append(decls, src)
			break
		}
		decls = append(decls, src[:loc[0]+1])
		src = src[loc[0]+1:]
	}
	funcs := map[string]string{}
	var tests, shared []string
	for _, d := range decls {
		d = strings.TrimSpace(d)
		switch {
		case strings.HasPrefix(d, "package "), strings.HasPrefix(d, "func main("):
		case testName.MatchString(d):
			tests = append(tests, testName.FindStringSubmatch(d)[1])
		case strings.HasPrefix(d, "func testFunc"), strings.HasPrefix(d, "func testSlice"):
			name := d[len("func "):strings.Index(d, "(")]
			funcs[name] = d
			continue
		default:
			shared = append(shared, d)
			continue
		}
		if m := testName.FindStringSubmatch(d); m != nil {
			funcs[m[1]] = d
		}
	}
	if len(tests) == 0 {
		return nil, fmt.Errorf("rangegen.go wrote no tests (%d declarations)", len(decls))
	}
	var out []rangeGenCell
	for i := 0; i < len(tests); i += n {
		pick := tests[i:min(i+n, len(tests))]
		var b strings.Builder
		b.WriteString("package main\n\n")
		for _, d := range shared {
			b.WriteString(d + "\n\n")
		}
		for _, name := range pick {
			suffix := strings.TrimPrefix(name, "test")
			for _, f := range []string{"testFunc" + suffix, "testSlice" + suffix, name} {
				d, ok := funcs[f]
				if !ok {
					return nil, fmt.Errorf("rangegen.go wrote %s without %s", name, f)
				}
				b.WriteString(d + "\n\n")
			}
		}
		b.WriteString("func main() {\n")
		for _, name := range pick {
			b.WriteString("\t" + name + "()\n")
		}
		fmt.Fprintf(&b, "\tprintln(\"ok\", %d)\n}\n", len(pick))
		out = append(out, rangeGenCell{src: b.String(), pairs: len(pick), names: pick[0] + ".." + pick[len(pick)-1]})
	}
	return out, nil
}
