package session

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/stdsource"
)

// TestGoTestSuite runs programs of Go's own test suite ($GOROOT/test, those
// marked "// run") compiled and as one cell, and requires the same output
// and the same success: programs nobody here wrote, many about channels.
// The directories are test/chan, test/ken, the top level, test/interface,
// test/typeparam and test/abi;
// GOCONC_GOTEST=dir,dir names others. Programs that do not match yet are
// listed in goTestKnown, with why: the test fails when one of them starts
// to match, or another stops, so the count only goes up. Programs about
// the compiler's, linker's or garbage collector's internals are listed in
// goTestOutOfScope, with why, and not run.
func TestGoTestSuite(t *testing.T) {
	if raceEnabled {
		// .ci/test runs it in a step of its own, without -race: under the
		// race detector these programs take minutes, and only the
		// interpreter's own races would be found.
		t.Skip("run without -race (go test -run TestGoTestSuite ./kernel/session)")
	}
	root, err := stdsource.NewLoader("", nil).GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{"chan", "ken", ".", "interface", "typeparam", "typeparam/mdempsky", "abi", "fixedbugs"}
	if v := os.Getenv("GOCONC_GOTEST"); v != "" {
		dirs = strings.Split(v, ",")
	}
	var files []string
	for _, d := range dirs {
		names, _ := filepath.Glob(filepath.Join(root, "test", d, "*.go"))
		for _, name := range names {
			rel, _ := filepath.Rel(filepath.Join(root, "test"), name)
			if _, slow := goTestSlow[rel]; slow && os.Getenv("GOCONC_GOTEST_SLOW") == "" {
				continue
			}
			if _, out := goTestOutOfScope[rel]; out {
				continue
			}
			if isRunTest(name) {
				files = append(files, name)
			}
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatalf("no programs marked // run under %s/test/%v", root, dirs)
	}
	var matched, total int
	results := make(chan bool, len(files))
	t.Run("programs", func(t *testing.T) {
		for _, file := range files {
			rel, _ := filepath.Rel(filepath.Join(root, "test"), file)
			t.Run(rel, func(t *testing.T) {
				t.Parallel()
				want, wantOK := runCompiled(t, file)
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				got, gotOK := runProgramCell(t, string(src))
				same := got == want && gotOK == wantOK
				if why, unsteady := goTestUnsteady[rel]; unsteady {
					// Counted as not matching, whatever this run gave.
					results <- false
					t.Logf("%s matched this time: %v (not counted: %s)", rel, same, why)
					return
				}
				results <- same
				if why, known := goTestKnown[rel]; known {
					if same {
						t.Errorf("%s now runs as Go runs it: take it off goTestKnown (%s)", rel, why)
					} else {
						t.Logf("differs, as known (ok %v, want %v):\n got: %.600q\nwant: %.600q", gotOK, wantOK, got, want)
					}
					return
				}
				if !same {
					t.Errorf("differs from go run (ok %v, want %v):\n got: %.600q\nwant: %.600q", gotOK, wantOK, got, want)
				}
			})
		}
	})
	close(results)
	for same := range results {
		total++
		if same {
			matched++
		}
	}
	t.Logf("Go's test suite (%v): %d of %d programs match", dirs, matched, total)
}

// isRunTest reports whether a file of Go's test suite is a program the
// suite runs and checks by its output: its first line is "// run".
func isRunTest(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	return sc.Scan() && strings.TrimSpace(sc.Text()) == "// run"
}

// programPatience bounds a program of the suite, compiled or as a cell. It
// is no measure of speed: copy.go and finprofiled.go, a minute each on an
// idle machine, took over four on a loaded one and were stopped at the
// three minutes of patience.
const programPatience = 15 * time.Minute

// runCompiled runs file with go run, as the suite's driver does, and
// returns its output and whether it succeeded.
func runCompiled(t *testing.T, file string) (string, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), programPatience)
	defer cancel()
	out, err := goRun(ctx, file).CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("go run %s did not end within %v", file, programPatience)
	}
	return normalise(string(out)), err == nil
}

// goRun is the command that runs file with go run in its directory, as
// the suite's driver does: outside any module.
func goRun(ctx context.Context, file string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "go", "run", filepath.Base(file))
	cmd.Dir = filepath.Dir(file)
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GO111MODULE=off")
	return cmd
}

// runProgramCell runs a whole program as one cell.
func runProgramCell(t *testing.T, src string) (string, bool) {
	s := newTestSession(t)
	ctx, cancel := context.WithTimeout(context.Background(), programPatience)
	defer cancel()
	c := newCapture()
	r := s.Execute(ctx, Request{Code: src, Label: "[1]", Out: c})
	out := c.interleaved()
	out = normalise(restartNotice.ReplaceAllString(leakNotice.ReplaceAllString(out, ""), ""))
	// os.Exit(0) ends a program successfully; in a notebook it ends the
	// evaluator, which the cell reports, but the program's status is 0.
	exited0 := r.Ename == "exit" && strings.Contains(r.Evalue, "os.Exit(0)")
	if r.Status != "ok" && !exited0 {
		t.Logf("the cell failed: %s: %s", r.Ename, r.Evalue)
	}
	return out, r.Status == "ok" || exited0
}

// leakNotice matches goconc's warning about goroutines a cell left
// blocked: a program that returns from main with goroutines blocked is
// fine in Go (the process ends); a notebook keeps running, so goconc says
// so. It is the kernel's notice, not the program's output.
var leakNotice = regexp.MustCompile(`goconc: warning: \d+ goroutines? started by this cell (are|is) still blocked[^\n]*\n(  [^\n]*\n)*`)

// restartNotice matches goconc's note that it started a new evaluator,
// after a program ended its process with os.Exit.
var restartNotice = regexp.MustCompile(`goconc: [^\n]*, so it started a new evaluator and restored the session[^\n]*\n`)

// normalise drops what differs between any two runs: the race
// detector's reports of the interpreter's own races, and a panic's
// goroutine dump (the cell says panic differently, and status says it).
func normalise(s string) string {
	s = raceReport.ReplaceAllString(s, "")
	if i := strings.Index(s, "\ngoroutine "); i >= 0 && strings.Contains(s, "panic") {
		s = s[:i]
	}
	return s
}

// goTestSlow are programs that match but take the interpreter minutes on
// a loaded machine (go run: a tenth of a second): CI leaves them out;
// GOCONC_GOTEST_SLOW=1 runs them. Their speed is issue 16's.
var goTestSlow = map[string]string{
	"ken/divconst.go":         "ten million divisions by constants: about 90 s",
	"ken/modconst.go":         "ten million remainders by constants: about 90 s",
	"divmod.go":               "every division and remainder of 8- to 64-bit operands around their limits: about 160 s",
	"fixedbugs/issue79186.go": "51 million RWMutex-guarded map reads and writes by 256 goroutines: about 280 s",
	"fixedbugs/issue59680.go": "a WaitGroup-synchronized loop run under a deep recursion: about 170 s",
	"fixedbugs/issue13169.go": "a million interface values sent by ten goroutines, each growing its stack: about 75 s",
	"fixedbugs/issue80188.go": "builds slices of pointers many times over, for the garbage collector: about 40 s",
	// These three do not finish: see goTestKnown.
	"abi/fibish.go":         "fib(40) by a doubly recursive function, 330 million calls: the interpreter is stopped at the cell's limit (programPatience)",
	"abi/uglyfib.go":        "the same fib(40), by three mutually recursive functions",
	"abi/fibish_closure.go": "the same fib(40), through a function type that holds itself",
}

// goTestOutOfScope are programs of Go's test suite that test the
// compiler's, linker's, runtime's or garbage collector's own workings
// rather than what a program means, and why they are left out.
var goTestOutOfScope = map[string]string{
	"closure.go":                     "counts the heap allocations of closures: the compiler's escape analysis",
	"deferfin.go":                    "finalizers the garbage collector runs on compiled objects",
	"devirtualization_nil_panics.go": "the compiler's devirtualization of calls through nil interfaces",
	"gcgort.go":                      "a garbage-collector stress test; interpreted, it needs more memory than an evaluator may take",
	"heapsampling.go":                "the heap profiler's sampling of compiled allocations",
	"inline_literal.go":              "the compiler's inlining, read from runtime.FuncForPC's line tables",
	"linkmain_run.go":                "runs the compiler and linker on files beside it in $GOROOT/test",
	"linkobj.go":                     "runs the compiler and linker on files beside it in $GOROOT/test",
	"linkx_run.go":                   "runs the linker's -X flag on files beside it in $GOROOT/test",
	"nilptr.go":                      "the compiler's nil checks for offsets beyond the first page, through unsafe",
	"nilptr_aix.go":                  "the compiler's nil checks for offsets beyond the first page, through unsafe (AIX)",
	"slicecap.go":                    "the base pointers the compiler gives empty slices, read through unsafe",
	"stackobj.go":                    "the liveness of stack objects, seen through finalizers",
	"stackobj3.go":                   "the liveness of stack objects, seen through finalizers",
	"tinyfin.go":                     "finalizers of the tiny allocator",
	"typeparam/chans.go":             "waits a minute for a finalizer the garbage collector runs on an object that goes out of use (runtime.SetFinalizer)",

	"fixedbugs/bug347.go":      "runtime.Caller of the program's own frames: the interpreter's frames are its own",
	"fixedbugs/bug348.go":      "runtime.Caller of the program's own frames",
	"fixedbugs/bug514.go":      "imports runtime/cgo: cgo",
	"fixedbugs/bug369.go":      "runs the compiler and linker on files beside it in $GOROOT/test",
	"fixedbugs/issue10607.go":  "runs the linker on files beside it in $GOROOT/test",
	"fixedbugs/issue14646.go":  "runtime.Caller's line of a call",
	"fixedbugs/issue15277.go":  "the heap in use after a variable drops a 10 MB slice, read through runtime.ReadMemStats: the compiler's liveness of variables",
	"fixedbugs/issue15281.go":  "the heap in use after a variable drops a 10 MB slice, read through runtime.ReadMemStats",
	"fixedbugs/issue17381.go":  "runtime.Callers of a frame that panicked",
	"fixedbugs/issue18149.go":  "//line directives, read back through runtime.Caller",
	"fixedbugs/issue19658.go":  "runs go run on programs it writes",
	"fixedbugs/issue21317.go":  "runs the compiler on a program it writes",
	"fixedbugs/issue21879.go":  "runtime.Callers' function names",
	"fixedbugs/issue22083.go":  "runtime/debug.Stack's frames",
	"fixedbugs/issue22662.go":  "//line directives, read back through runtime.Caller",
	"fixedbugs/issue24491b.go": "a finalizer the garbage collector runs while an unsafe pointer is passed as a uintptr",
	"fixedbugs/issue27201.go":  "runtime.Callers of a frame that panicked",
	"fixedbugs/issue27518b.go": "when the garbage collector finalizes a heap object",
	"fixedbugs/issue29504.go":  "the line numbers of tracebacks of compiled code",
	"fixedbugs/issue32477.go":  "when the garbage collector finalizes a heap object",
	"fixedbugs/issue33724.go":  "the frames of a stack trace",
	"fixedbugs/issue38093.go":  "imports syscall/js: WebAssembly",
	"fixedbugs/issue40954.go":  "imports runtime/cgo: cgo",
	"fixedbugs/issue42032.go":  "imports runtime/cgo: cgo",
	"fixedbugs/issue42076.go":  "imports runtime/cgo: cgo",
	"fixedbugs/issue45045.go":  "finalizers the garbage collector runs on map keys made through unsafe",
	"fixedbugs/issue4562.go":   "runtime.Caller of a frame that panicked",
	"fixedbugs/issue4585.go":   "struct padding and blank fields written through unsafe, then compared and hashed",
	"fixedbugs/issue4618.go":   "counts heap allocations (testing.AllocsPerRun): the compiler's escape analysis",
	"fixedbugs/issue4667.go":   "counts heap allocations (testing.AllocsPerRun)",
	"fixedbugs/issue46725.go":  "finalizers of the elements of an array handed on in an interface",
	"fixedbugs/issue46903.go":  "imports runtime/cgo: cgo",
	"fixedbugs/issue51733.go":  "imports runtime/cgo: cgo",
	"fixedbugs/issue5493.go":   "finalizers the garbage collector runs",
	"fixedbugs/issue54343.go":  "finalizers the garbage collector runs",
	"fixedbugs/issue57823.go":  "finalizers the garbage collector runs",
	"fixedbugs/issue5856.go":   "runtime.Caller in a deferred call",
	"fixedbugs/issue58300.go":  "runtime.FuncForPC's names of the program's functions",
	"fixedbugs/issue58300b.go": "runtime.FuncForPC's names of the program's functions",
	"fixedbugs/issue7690.go":   "runtime.Stack's line numbers",
	"fixedbugs/issue8606b.go":  "reads memory that mmap protects, through unsafe: a fault",
	"fixedbugs/issue9110.go":   "counts the objects goroutines leave on the heap, through runtime.ReadMemStats",
	"fixedbugs/issue9355.go":   "runs the compiler on files beside it in $GOROOT/test",
	"fixedbugs/issue30041.go":  "reflect.MakeFunc under the garbage collector's write barrier, with bad pointers on the stack",
}

// goTestUnsteady are programs whose outcome under goconc varies from run
// to run, and why: they run, and count as not matching.
var goTestUnsteady = map[string]string{}

// goTestKnown are the programs of Go's test suite that goconc does not run
// as Go does yet, and why.
var goTestKnown = map[string]string{
	"abi/fibish.go":         "does not finish within the cell's limit (goTestSlow)",
	"abi/uglyfib.go":        "does not finish within the cell's limit (goTestSlow)",
	"abi/fibish_closure.go": "does not finish within the cell's limit (goTestSlow)",
	"blank.go":              "a struct's blank fields are compared: Go ignores them in ==, and the program fills them through unsafe",
	"ddd.go":                "declares a slice type that holds itself (type T []T), which goconc refuses with a message: reflect cannot make the interpreter such a type",
	"peano.go":              "declares a pointer type that holds itself (type Number *Number), which goconc refuses with a message: reflect cannot make the interpreter such a type",
	"recover.go":            "a function value made by reflect (reflect.ValueOf(&T1{}).Method(0).Interface()), deferred: its recover() does not take the panic (\"missing recover 9\"); the tests without reflect match",

	"typeparam/issue42758.go":  "the instance makes two constant cases of a switch, and two keys of a map literal, equal: go/types rejects the written instance (\"duplicate case\")",
	"typeparam/issue47901.go":  "a generic channel type of itself (type Chan[T any] chan Chan[T]): the interpreter's receive dereferences nil",
	"typeparam/issue54456.go":  "a generic type declared inside a function (func one() any { type T[_ any] int; ... }): the interpreter does not implement it (\"type definition not implemented: fieldList\")",
	"typeparam/nested.go":      "instantiates generic code with types declared inside generic functions, which goconc refuses with a message",
	"typeparam/mdempsky/16.go": "a failed assertion of a nil interface { T() T } with T a type parameter, in the instance, names interface {} as the operand's type, where Go names interface { T() main.T }",

	"fixedbugs/bug336.go":     "declares a type that holds itself through an array of pointers (type T19 *[10]T19), which goconc refuses with a message",
	"fixedbugs/issue15528.go": "a table of interface values made of unsafe.Pointer(uintptr(0)), typed nils and conversions: the interpreter panics (\"reflect.Value.Type on zero Value\")",
	"fixedbugs/issue17039.go": "declares a slice type that holds itself (type S []S), which goconc refuses with a message",
	"fixedbugs/issue24547.go": "a method promoted from two depths of a struct declared inside a function: the deeper one is called",
	"fixedbugs/issue4316.go":  "declares a pointer type that holds itself (type Peano *Peano), which goconc refuses with a message",
	"fixedbugs/issue50190.go": "a local alias used as an embedded field, which goconc refuses with a message",
	"fixedbugs/issue72063.go": "a generic type declared inside a function: the interpreter does not implement it",
}
