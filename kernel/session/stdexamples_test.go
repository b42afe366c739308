package session

import (
	"bytes"
	"context"
	godoc "go/doc"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/stdsource"
)

// TestStdlibExamples runs the Examples of the standard library's generic
// packages and of those a learner reaches for (fmt, strconv, bytes,
// encoding/json, regexp, math, containers...), and of golang.org/x/sync's
// errgroup and semaphore and golang.org/x/time/rate, as their documentation
// shows them (go/doc's runnable form of each), each as one cell, and
// compares what it prints to stdout with the example's Output comment, as
// go test does: programs nobody here wrote.
func TestStdlibExamples(t *testing.T) {
	if raceEnabled {
		// Its own step in .ci/test, without -race, with TestGoTestSuite:
		// 554 programs under the race detector take minutes.
		t.Skip("run without -race (go test -run TestStdlibExamples ./kernel/session)")
	}
	root, err := stdsource.NewLoader("", nil).GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	// time's Examples print local times in US Pacific time, which the
	// time package's own tests make Local; the evaluators started here
	// take the test's environment. (os.Setenv, not t.Setenv: the
	// examples run in parallel.)
	tz, hadTZ := os.LookupEnv("TZ")
	os.Setenv("TZ", "America/Los_Angeles")
	t.Cleanup(func() {
		if hadTZ {
			os.Setenv("TZ", tz)
		} else {
			os.Unsetenv("TZ")
		}
	})
	ran := 0
	pkgs := []string{"slices", "maps", "cmp", "iter", "sort", "strings", "sync", "context", "errors",
		"container/heap", "container/list", "container/ring", "strconv", "bytes", "unicode/utf8",
		"fmt", "encoding/json", "sync/atomic", "text/template", "bufio", "math/big",
		"regexp", "unicode", "unicode/utf16", "path", "path/filepath", "net/url", "io", "math", "math/bits",
		"encoding/base64", "encoding/hex", "encoding/csv", "encoding/binary", "html", "html/template",
		"text/tabwriter", "hash/crc32", "crypto/sha256", "flag", "encoding/xml",
		"io/fs", "testing/fstest", "reflect", "log/slog", "compress/gzip", "encoding/pem", "text/scanner",
		"go/ast", "go/parser", "go/format", "go/token", "go/constant", "mime", "net/mail", "math/cmplx",
		"index/suffixarray", "encoding/base32", "crypto/md5", "crypto/sha1", "archive/tar",
		"time", "os", "math/rand", "math/rand/v2", "net/netip", "unique", "hash/maphash", "os/exec",
		"image/png", "crypto/cipher", "compress/flate", "compress/zlib", "mime/quotedprintable",
		"go/scanner", "testing/iotest", "net/http/httptest", "net/http/httputil", "encoding/gob",
		"crypto/hkdf", "hash", "mime/multipart", "io/ioutil", "net", "go/doc", "os/signal", "archive/zip", "go/printer"}
	// Not log's: with Lshortfile they name example_test.go, a cell names
	// itself ([1]:19).
	globs := map[string]string{} // package -> its files with examples
	for _, pkg := range pkgs {
		globs[pkg] = filepath.Join(root, "src", pkg, "example*_test.go")
	}
	// And golang.org/x/sync's and x/time/rate's, which cells import (the
	// lessons' errgroup, semaphore and rate limiter), from the module cache.
	for _, pkg := range []string{"golang.org/x/sync/errgroup", "golang.org/x/sync/semaphore", "golang.org/x/time/rate"} {
		out, err := exec.Command("go", "list", "-f", "{{.Dir}}", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		pkgs, globs[pkg] = append(pkgs, pkg), filepath.Join(strings.TrimSpace(string(out)), "*_test.go")
	}
	if more := os.Getenv("GOCONC_EXAMPLES"); more != "" {
		pkgs = strings.Split(more, ",") // others, to look for differences
		for _, pkg := range pkgs {
			globs[pkg] = filepath.Join(root, "src", pkg, "example*_test.go")
		}
	}
	for _, pkg := range pkgs {
		files, _ := filepath.Glob(globs[pkg])
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
					got := runExample(t, src)
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
	"sync/OnceValues":    "reads example_test.go from its package's directory; a cell runs in the notebook's",
	"log/slog/_wrapping": "finds its caller's line with runtime.Callers, whose frames are the interpreter's (source=value.go:369)",
	"os/ReadFile":        "reads testdata/hello from its package's directory; a cell runs in the notebook's",
	"io/ioutil/ReadFile": "reads testdata/hello from its package's directory; a cell runs in the notebook's",
	"archive/zip/Reader": "reads testdata/readme.zip from its package's directory; a cell runs in the notebook's",
	"go/printer/Fprint":  "parses example_test.go from its package's directory; a cell runs in the notebook's",
}

// runExample runs an example's program as one cell and returns what it
// printed to stdout, which is what go test compares with its Output, and
// how the cell failed, if it did.
func runExample(t *testing.T, src string) string {
	s := newTestSession(t)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	c := newCapture()
	r := s.Execute(ctx, Request{Code: src, Label: "[1]", Out: c})
	out := c.stream("stdout")
	if r.Status != "ok" {
		out += "ERROR " + r.Ename + ": " + r.Evalue + "\n"
	}
	return raceReport.ReplaceAllString(out, "")
}

func sortedLines(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
