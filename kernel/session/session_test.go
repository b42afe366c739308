package session

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/evaluator"
)

// The test binary doubles as the evaluator process.
func TestMain(m *testing.M) {
	if os.Getenv("GOCONC_TEST_EVALUATOR") == "1" {
		if err := evaluator.Serve(evalproto.ChildPipes()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func testCommand() Command {
	exe, _ := os.Executable()
	return Command{Path: exe, Env: []string{"GOCONC_TEST_EVALUATOR=1"}}
}

// capture is an Output that records everything.
type capture struct {
	mu       sync.Mutex
	streams  map[string]*strings.Builder
	results  []string
	data     []map[string]any
	errors   []string
	display  int
	shown    []map[string]any // the latest data of each display with an SVG
	shownIDs []any
	updates  int
	all      []map[string]any // every display's data, in order
	written  []piece          // the stream messages, in order
}

func newCapture() *capture { return &capture{streams: map[string]*strings.Builder{}} }

func (c *capture) Stream(name, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.streams[name] == nil {
		c.streams[name] = &strings.Builder{}
	}
	c.streams[name].WriteString(text)
	c.written = append(c.written, piece{name, text})
}
func (c *capture) Display(data, metadata, transient map[string]any, update bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if update {
		c.updates++
		for i, d := range c.shownIDs {
			if d == transient["display_id"] {
				c.shown[i] = data
			}
		}
		return
	}
	c.display++
	c.all = append(c.all, data)
	if _, ok := data["image/svg+xml"]; ok {
		c.shown = append(c.shown, data)
		c.shownIDs = append(c.shownIDs, transient["display_id"])
	}
}
func (c *capture) Clear(bool) {}
func (c *capture) Result(data, metadata map[string]any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.results = append(c.results, fmt.Sprint(data["text/plain"]))
	c.data = append(c.data, data)
}
func (c *capture) Error(ename, evalue string, tb []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors = append(c.errors, ename+": "+evalue+"\n"+strings.Join(tb, "\n"))
}

// interleaved returns what the cell wrote to stdout and stderr, in the
// order it was written, as a terminal, or go run's combined output, shows
// it.
func (c *capture) interleaved() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	for _, p := range c.written {
		b.WriteString(p.text)
	}
	return b.String()
}

func (c *capture) stream(name string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b := c.streams[name]; b != nil {
		return b.String()
	}
	return ""
}

type tsession struct {
	*Session
	t testing.TB
	n int
}

func newTestSession(t testing.TB) *tsession {
	s, err := New(testCommand(), log.New(os.Stderr, "session: ", 0))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &tsession{Session: s, t: t}
}

// patience bounds every wait for something the session must do. It is no
// measure of speed: a -race evaluator on a loaded 2-core machine can take
// many seconds where an idle one takes milliseconds.
const patience = 3 * time.Minute

// start runs code in the background and returns once it has printed
// running, so that what the test does next finds the cell's code running
// however long a busy machine took to get there.
func (s *tsession) start(code, running string) <-chan Reply {
	done, _ := s.startCapture(code, running)
	return done
}

// startCapture is start, which also returns what the cell shows.
func (s *tsession) startCapture(code, running string) (<-chan Reply, *capture) {
	s.n++
	c, label := newCapture(), fmt.Sprintf("[%d]", s.n)
	done := make(chan Reply, 1)
	go func() { done <- s.Execute(context.Background(), Request{Code: code, Label: label, Out: c}) }()
	for deadline := time.Now().Add(patience); !strings.Contains(c.stream("stdout"), running); time.Sleep(5 * time.Millisecond) {
		select {
		case r := <-done:
			s.t.Fatalf("the cell ended before it printed %q: %+v\n%s", running, r, code)
		default:
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the cell did not print %q within %v:\n%s", running, patience, code)
		}
	}
	return done, c
}

func (s *tsession) exec(code string) (Reply, *capture) {
	s.n++
	c := newCapture()
	r := s.Execute(context.Background(), Request{Code: code, Label: fmt.Sprintf("[%d]", s.n), Out: c})
	return r, c
}

func (s *tsession) ok(code string) *capture {
	s.t.Helper()
	r, c := s.exec(code)
	if r.Status != "ok" {
		s.t.Fatalf("cell failed: %s: %s\n%s\n--- code:\n%s", r.Ename, r.Evalue, strings.Join(r.Traceback, "\n"), code)
	}
	return c
}

func TestExecuteBasics(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`fmt.Println("hello, world")`)
	if got := c.stream("stdout"); got != "hello, world\n" {
		t.Errorf("stdout = %q", got)
	}
	c = s.ok("x := 6\nx * 7")
	if len(c.results) != 1 || c.results[0] != "42" {
		t.Errorf("results = %q", c.results)
	}
	c = s.ok(`fmt.Fprintln(os.Stderr, "to stderr")`)
	if got := c.stream("stderr"); got != "to stderr\n" {
		t.Errorf("stderr = %q", got)
	}
	c = s.ok(`Display(display.HTML("<b>x</b>"))`)
	if c.display != 1 {
		t.Errorf("displays = %d", c.display)
	}
}

// A cell's writes to stdout and stderr, through fmt and through os.Stdout
// and os.Stderr themselves, reach the frontend in the order written. (Not
// two writes to os.Stdout and os.Stderr in a row: two pipes, read apart.)
func TestStdoutAndStderrInterleave(t *testing.T) {
	s := newTestSession(t)
	c := s.ok(`fmt.Println("one")
fmt.Fprintln(os.Stderr, "two")
fmt.Println("three")
println("four")
fmt.Fprintln(os.Stdout, "five")
fmt.Println("six")
fmt.Fprint(os.Stderr, "seven\n")
fmt.Println("eight")`)
	var got []string
	for _, p := range c.written {
		for _, line := range strings.SplitAfter(p.text, "\n") {
			if line != "" {
				got = append(got, p.name+": "+line)
			}
		}
	}
	want := []string{"stdout: one\n", "stderr: two\n", "stdout: three\n", "stderr: four\n", "stdout: five\n", "stdout: six\n", "stderr: seven\n", "stdout: eight\n"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the streams said\n%q\nwant\n%q", got, want)
	}
}

func TestCompileErrorReply(t *testing.T) {
	s := newTestSession(t)
	r, c := s.exec("x := 1\ny := x + \"a\"")
	if r.Status != "error" || r.Ename != "compile error" || !strings.HasPrefix(r.Evalue, "[1]:2:") {
		t.Fatalf("reply = %+v", r)
	}
	if len(c.errors) != 1 || c.stream("stderr") != "" {
		t.Errorf("want exactly one error output and nothing on stderr: %q / %q", c.errors, c.stream("stderr"))
	}
}

func TestGoroutinePanicStopsCellKeepsState(t *testing.T) {
	s := newTestSession(t)
	s.ok("keep := 41")
	r, c := s.exec("go func() { panic(\"boom\") }()\ntime.Sleep(time.Hour)")
	if r.Status != "error" || r.Ename != "panic" || r.Evalue != "boom" {
		t.Fatalf("reply = %+v", r)
	}
	if len(c.errors) != 1 || !strings.Contains(c.errors[0], "started at [2]:1") {
		t.Errorf("errors = %q", c.errors)
	}
	c = s.ok("keep + 1")
	if c.results[0] != "42" {
		t.Errorf("state lost: %q", c.results)
	}
}

// TestGoroutinePanicWakesNobody: the goroutines a panicking goroutine's
// deferred calls wake do not run on, as in Go, where the runtime ends the
// program first; after a recovered panic they do. The cell printed
// "unreachable" every time (Go: 7 runs in 300).
func TestGoroutinePanicWakesNobody(t *testing.T) {
	s := newTestSession(t)
	for _, cell := range []string{
		"var wg sync.WaitGroup\nwg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}()\nwg.Wait()\nfmt.Println(\"unreachable\")",
		"var wg3 sync.WaitGroup\nwg3.Go(func() { panic(\"in Go\") })\nwg3.Wait()\nfmt.Println(\"unreachable\")",
		"done := make(chan struct{})\ngo func() {\n\tdefer close(done)\n\tpanic(\"closing\")\n}()\n<-done\nfmt.Println(\"unreachable\")",
		// A buffer: the deferred send must not wait for the cell. On an
		// unbuffered channel it waits when the cell is not receiving yet,
		// and a goroutine that waits lets the others go (else the two
		// could hold each other); the cell, receiving then, went on, as
		// Go's main may before the runtime prints the panic.
		"func worker(done chan<- bool) {\n\tdefer func() { done <- true }()\n\tpanic(\"sending\")\n}\ndone2 := make(chan bool, 1)\ngo worker(done2)\n<-done2\nfmt.Println(\"unreachable\")",
	} {
		r, c := s.exec(cell)
		if r.Status != "error" || r.Ename != "panic" {
			t.Errorf("%q: reply = %+v", cell, r)
		}
		if out := c.stream("stdout"); out != "" {
			t.Errorf("%q printed %q", cell, out)
		}
	}
	c := s.ok("var wg2 sync.WaitGroup\nwg2.Add(1)\ngo func() {\n\tdefer func() { fmt.Println(\"recovered\", recover()) }()\n\tdefer wg2.Done()\n\tpanic(\"boom\")\n}()\nwg2.Wait()\ntime.Sleep(10 * time.Millisecond)\nfmt.Println(\"after\")")
	if out := c.stream("stdout"); out != "recovered boom\nafter\n" {
		t.Errorf("after a recovered panic: %q", out)
	}
}

func TestFatalErrorRestores(t *testing.T) {
	s := newTestSession(t)
	s.ok("keep := 41\nfunc double(n int) int { return 2 * n }")
	r, c := s.exec(`m := map[int]int{}
var wg sync.WaitGroup
for i := 0; i < 8; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j := 0; j < 1000000; j++ {
			m[j] = j
		}
	}()
}
wg.Wait()`)
	if r.Status != "error" || !strings.Contains(r.Evalue, "concurrent map") {
		t.Fatalf("reply = %+v", r)
	}
	if !strings.Contains(c.stream("stderr"), "re-run silently") {
		t.Errorf("no restore note: %q", c.stream("stderr"))
	}
	c = s.ok("double(keep) + 1 - keep")
	if c.results[0] != "42" {
		t.Errorf("after restore: %q", c.results)
	}
}

// TestLogPositionsAndFatal: a logger with Lshortfile names the cell and
// line of the call (it named the interpreter's value.go:586), and a
// logger's Fatal ends the program after what the cell printed is written
// (it was lost).
func TestLogPositionsAndFatal(t *testing.T) {
	s := newTestSession(t)
	c := s.ok("log.SetFlags(log.Lshortfile)\nlog.SetOutput(os.Stdout)\nlog.Println(\"std\")\nl := log.New(os.Stdout, \"svc: \", log.Lshortfile|log.Lmsgprefix)\nl.Printf(\"n=%d\", 3)")
	if got, want := c.stream("stdout"), "[1]:3: std\n[1]:5: svc: n=3\n"; got != want {
		t.Errorf("positions: %q, want %q", got, want)
	}
	r, c := s.exec("fmt.Println(\"before\")\nlg := log.New(os.Stdout, \"[w] \", 0)\nlg.Println(\"logged\")\nlg.Fatalf(\"fatal %d\", 2)")
	if r.Status != "error" || r.Ename != "exit" || !strings.Contains(r.Evalue, "status 1") {
		t.Errorf("reply = %+v", r)
	}
	if got, want := c.stream("stdout"), "before\n[w] logged\n[w] fatal 2\n"; got != want {
		t.Errorf("output before a logger's Fatal: %q, want %q", got, want)
	}
}

// TestCompiledOutputBeforeExit: what a FlagSet made with ExitOnError
// writes to os.Stderr before it ends the program (its error and usage,
// then os.Exit(2)) is shown whole: the end of it was lost with the
// process, which the evaluator had no time to read it from its pipe.
func TestCompiledOutputBeforeExit(t *testing.T) {
	s := newTestSession(t)
	r, c := s.exec("fmt.Println(\"before\")\nfs := flag.NewFlagSet(\"x\", flag.ExitOnError)\nfs.Int(\"level\", 0, \"how loud\")\nfs.Parse([]string{\"-level\", \"abc\"})\nfmt.Println(\"after\")")
	if r.Status != "error" || r.Ename != "exit" || !strings.Contains(r.Evalue, "status 2") {
		t.Fatalf("reply = %+v", r)
	}
	if got := c.stream("stdout"); got != "before\n" {
		t.Errorf("stdout = %q, want before alone", got)
	}
	for _, want := range []string{`invalid value "abc" for flag -level: parse error`, "Usage of x:", "how loud"} {
		if !strings.Contains(c.stream("stderr"), want) {
			t.Errorf("stderr lacks %q: %q", want, c.stream("stderr"))
		}
	}
}

func TestOsExitRestores(t *testing.T) {
	s := newTestSession(t)
	s.ok("keep := 2")
	r, _ := s.exec("os.Exit(3)")
	if r.Status != "error" || r.Ename != "exit" || !strings.Contains(r.Evalue, "status 3") {
		t.Fatalf("reply = %+v", r)
	}
	if c := s.ok("keep"); c.results[0] != "2" {
		t.Errorf("after restore: %q", c.results)
	}
}

func TestInterruptAndTimeout(t *testing.T) {
	s := newTestSession(t)
	s.ok("keep := 5")
	// A goroutine that sleeps on and on: the cells below wait, but are no
	// deadlocks.
	s.ok("go func() {\n\tfor {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t}\n}()")
	// The last: a function that recovers every panic and starts again
	// must still stop.
	stubborn := "func stubborn() {\n\tdefer func() {\n\t\trecover()\n\t\tstubborn()\n\t}()\n\ttime.Sleep(time.Hour)\n}\nstubborn()"
	for _, code := range []string{"for {\n}", "for i := 0; i < 1<<62; i++ {\n}", "select {}", "time.Sleep(time.Hour)", "ch := make(chan int)\n<-ch", stubborn} {
		done := s.start("fmt.Println(\"running\")\n"+code, "running")
		start := time.Now()
		s.Interrupt()
		select {
		case r := <-done:
			// The kill after 5 seconds would say so in another ename.
			if r.Ename != "Interrupted" {
				t.Errorf("%q: reply %+v", code, r)
			}
			t.Logf("%q: interrupted in %v", code, time.Since(start))
		case <-time.After(patience):
			t.Fatalf("%q: interrupt did not end the cell within %v", code, patience)
		}
	}
	r, _ := s.exec("%timeout 300ms\nfor {\n}")
	if r.Ename != "Timeout" {
		t.Errorf("timeout reply %+v", r)
	}
	s.ok("%timeout off")
	if c := s.ok("keep"); c.results[0] != "5" {
		t.Errorf("state: %q", c.results)
	}
}

// Output of a goroutine whose cell ended goes to the cell running then
// (frontends no longer listen to the ended one); between cells it stays
// with its own cell. A panic of such a goroutine is shown there too,
// without stopping the running cell.
func TestLateGoroutineOutput(t *testing.T) {
	s := newTestSession(t)
	// The goroutine prints once the second cell runs (it sleeps meanwhile:
	// no leak), and the second cell goes on once it has printed.
	c1 := s.ok("%timeline off\nvar secondRuns atomic.Bool\nprinted := make(chan bool)\ngo func() {\n\tfor !secondRuns.Load() {\n\t\ttime.Sleep(5 * time.Millisecond)\n\t}\n\tfmt.Println(\"late\")\n\tclose(printed)\n}()")
	c2 := s.ok("secondRuns.Store(true)\n<-printed\nfmt.Println(\"own\")")
	if got := c1.stream("stdout"); got != "" {
		t.Errorf("the ended cell got %q", got)
	}
	if got := c2.stream("stdout"); got != "late\nown\n" {
		t.Errorf("the running cell got %q, want its own output after the late line", got)
	}
	// No cell runs while this goroutine prints: its line stays with its cell.
	c3 := s.ok("go func() { time.Sleep(10 * time.Millisecond); fmt.Println(\"between\") }()")
	for deadline := time.Now().Add(patience); c3.stream("stdout") != "between\n"; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("output between cells went elsewhere: %q", c3.stream("stdout"))
		}
	}
	// A goroutine of an ended cell panics while the next cell runs: the
	// panic is shown there, and that cell goes on. The cell learns that the
	// panic has begun from the goroutine's deferred close; reporting it
	// takes microseconds after that, and the cell gives it a second.
	s.ok("var fifthRuns atomic.Bool\npanicking := make(chan bool)\ngo func() {\n\tdefer close(panicking)\n\tfor !fifthRuns.Load() {\n\t\ttime.Sleep(5 * time.Millisecond)\n\t}\n\tvar m map[int]int\n\tm[1] = 1\n}()")
	c5 := s.ok("fifthRuns.Store(true)\n<-panicking\ntime.Sleep(time.Second)\nfmt.Println(\"survived\")")
	if len(c5.errors) != 1 || !strings.Contains(c5.errors[0], "nil map") || c5.stream("stdout") != "survived\n" {
		t.Errorf("a late panic: errors %q, stdout %q", c5.errors, c5.stream("stdout"))
	}
}

// A cell that ended with a panic would have ended the program: a later
// panic of one of its goroutines is shown nowhere, and the running cell
// goes on (the callers of a singleflight.Group's Do panic one after the
// other, and the later ones failed the next cell).
func TestLatePanicOfAPanickedCell(t *testing.T) {
	s := newTestSession(t)
	// The second goroutine waits in a read of a pipe, which the cell's
	// stop does not interrupt, and panics once the next cell writes.
	r, _ := s.exec("%timeline off\nrd, wr, _ := os.Pipe()\npanicking := make(chan bool)\ngo func() {\n\tdefer close(panicking)\n\tb := make([]byte, 1)\n\trd.Read(b)\n\tpanic(\"second\")\n}()\npanic(\"first\")")
	if r.Status != "error" || !strings.Contains(r.Evalue, "first") {
		t.Fatalf("the first cell: %+v", r)
	}
	c := s.ok("wr.Write([]byte{1})\n<-panicking\ntime.Sleep(time.Second)\nfmt.Println(\"survived\")")
	if len(c.errors) != 0 || c.stream("stdout") != "survived\n" {
		t.Errorf("a late panic of a panicked cell: errors %q, stdout %q", c.errors, c.stream("stdout"))
	}
}

func TestRedefineTypeRebuilds(t *testing.T) {
	s := newTestSession(t)
	s.ok("type P struct{ X int }\np := P{X: 1}\ncount := 10")
	s.ok("q := P{2}")
	c := s.ok("type P struct{ X, Y int }")
	if note := c.stream("stderr"); !strings.Contains(note, "re-run silently ([1])") || !strings.Contains(note, "Could not re-run: [2]") {
		t.Errorf("rebuild note: %q", note)
	}
	c = s.ok("fmt.Println(P{1, 2}, p, count)")
	if got := c.stream("stdout"); got != "{1 2} {1 0} 10\n" {
		t.Errorf("after type redefinition: %q (stderr %q)", got, c.stream("stderr"))
	}
}

func TestMagics(t *testing.T) {
	s := newTestSession(t)
	c := s.ok("%help")
	if !strings.Contains(c.stream("stdout"), "%timeout DURATION|off") {
		t.Errorf("help: %q", c.stream("stdout"))
	}
	r, _ := s.exec("%nope")
	if r.Status != "error" || !strings.Contains(r.Evalue, "unknown magic %nope") {
		t.Errorf("unknown magic: %+v", r)
	}
	r, _ = s.exec("%timeout soon")
	if r.Status != "error" {
		t.Errorf("bad timeout accepted")
	}
}

func TestRichResults(t *testing.T) {
	s := newTestSession(t)
	c := s.ok("type badge string\nfunc (b badge) HTML() string { return \"<b>\" + string(b) + \"</b>\" }\nbadge(\"go\")")
	if len(c.data) != 1 || c.data[0]["text/html"] != "<b>go</b>" {
		t.Fatalf("results %v", c.data)
	}
	s.ok("type celsius float64\nfunc (c celsius) String() string { return fmt.Sprintf(\"%.1f°C\", float64(c)) }")
	if c := s.ok("celsius(21.5)"); c.results[0] != "21.5°C" {
		t.Errorf("Stringer result %q", c.results)
	}
	c = s.ok("img := image.NewRGBA(image.Rect(0, 0, 4, 3))\nimg")
	if len(c.results) != 1 || c.results[0] != "[4x3 image]" || c.data[0]["image/png"] == nil {
		t.Errorf("image result %q", c.results)
	}
	c = s.ok(`Display(display.WithID("p", display.HTML("0%")))
display.Update("p", display.HTML("50%"))
display.Clear()`)
	if c.display != 1 || c.updates != 1 {
		t.Errorf("%d displays, %d updates", c.display, c.updates)
	}
}

// TestPanicValuesWordedAsGo: the report of a panic that nothing recovered
// words its value as Go's runtime does: a struct of the notebook's with an
// Error or String method by that method (it said "(main.failure)
// 0xc000..."), whatever else by its type and address, or plainly.
func TestPanicValuesWordedAsGo(t *testing.T) {
	s := newTestSession(t)
	s.ok("type failure struct{ code int }\nfunc (f failure) Error() string { return fmt.Sprint(\"failure \", f.code) }\ntype label struct{ s string }\nfunc (l *label) String() string { return \"label \" + l.s }\ntype plain struct{ n int }\ntype Level int")
	for _, tt := range []struct{ cell, want string }{
		{"panic(failure{2})", "failure 2"},
		{"panic(&failure{3})", "failure 3"},
		{"panic(&label{\"x\"})", "label x"},
		{"panic(plain{1})", "(main.plain) 0x"},
		{"panic(Level(4))", "main.Level(4)"},
		{"panic(fmt.Errorf(\"wrapped: %w\", failure{5}))", "wrapped: failure 5"},
	} {
		r, _ := s.exec(tt.cell)
		if r.Status != "error" || !strings.HasPrefix(r.Evalue, tt.want) {
			t.Errorf("%s: %q, want it to start with %q", tt.cell, r.Evalue, tt.want)
		}
	}
}
