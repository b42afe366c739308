package session

import (
	"bytes"
	godoc "go/doc"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/stdsource"
)

// TestStdlibExamples runs the Examples of the standard library's generic
// packages and of those a learner reaches for (fmt, strconv, bytes,
// encoding/json, containers...), as their documentation shows them (go/doc's runnable form of
// each), each as one cell, and compares what it prints with the example's
// Output comment: programs nobody here wrote.
func TestStdlibExamples(t *testing.T) {
	if raceEnabled {
		// Its own step in .ci/test, without -race, with TestGoTestSuite:
		// 325 programs under the race detector take minutes.
		t.Skip("run without -race (go test -run TestStdlibExamples ./kernel/session)")
	}
	root, err := stdsource.NewLoader("", nil).GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	pkgs := []string{"slices", "maps", "cmp", "iter", "sort", "strings", "sync", "context", "errors",
		"container/heap", "container/list", "container/ring", "strconv", "bytes", "unicode/utf8",
		"fmt", "encoding/json", "sync/atomic", "text/template", "bufio", "math/big"}
	if more := os.Getenv("GOCONC_EXAMPLES"); more != "" {
		pkgs = strings.Split(more, ",") // others, to look for differences
	}
	for _, pkg := range pkgs {
		files, _ := filepath.Glob(filepath.Join(root, "src", pkg, "example*_test.go"))
		fset := token.NewFileSet()
		for _, name := range files {
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			for _, ex := range godoc.Examples(f) {
				if ex.Play == nil || ex.Output == "" && !ex.EmptyOutput {
					continue // not runnable on its own, or nothing to compare
				}
				var b bytes.Buffer
				if err := format.Node(&b, fset, ex.Play); err != nil {
					t.Fatal(err)
				}
				ex, src := ex, b.String()
				ran++
				name := pkg + "/" + ex.Name
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					got := runCells(t, []string{src})
					// The example's own types are in its test package
					// (%T says errors_test.MyAsError); in a notebook,
					// in main.
					want := strings.ReplaceAll(ex.Output, f.Name.Name+".", "main.")
					if ex.Unordered {
						got, want = sortedLines(got), sortedLines(want)
					}
					same := strings.TrimSpace(got) == strings.TrimSpace(want)
					if why, known := knownExampleDifferences[name]; known {
						if same {
							t.Errorf("%s now prints what Go prints: take it off knownExampleDifferences (%s)", name, why)
						}
						return
					}
					if !same {
						t.Errorf("got:\n%s\nwant:\n%s\n--- program:\n%s", got, want, src)
					}
				})
			}
		}
	}
	if ran < 100 {
		t.Errorf("only %d examples found under %s (%s)", ran, root, runtime.Version())
	}
}

// knownExampleDifferences are the examples goconc does not yet run as Go
// does, and why; the test fails when one starts to match, so the list
// stays true. They are bugs on the list (issue: no silent differences).
var knownExampleDifferences = map[string]string{
	"sync/OnceValues": "reads example_test.go from its package's directory; a cell runs in the notebook's",
}

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
