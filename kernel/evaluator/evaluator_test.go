package evaluator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/symbols"
)

// recorder is a Host that keeps everything per cell.
type recorder struct {
	mu      sync.Mutex
	out     map[string]*strings.Builder
	results map[string][]string
	panics  map[string][]*PanicReport
	// stop, if set, stops a cell whose goroutine panicked, as the
	// supervisor does.
	stop func(cell string)
}

func newRecorder() *recorder {
	return &recorder{out: map[string]*strings.Builder{}, results: map[string][]string{}, panics: map[string][]*PanicReport{}}
}

func (r *recorder) Stream(cell, name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.out[cell] == nil {
		r.out[cell] = &strings.Builder{}
	}
	r.out[cell].WriteString(text)
}
func (r *recorder) Display(cell string, d display.Data, update bool) {}
func (r *recorder) Clear(cell string, wait bool)                     {}
func (r *recorder) Result(cell string, d display.Data) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.results[cell] = append(r.results[cell], fmt.Sprint(d.Data[display.MIMETypeText]))
}
func (r *recorder) Input(cell string) (string, error) { return "typed", nil }
func (r *recorder) Panic(cell string, p *PanicReport) {
	r.mu.Lock()
	r.panics[cell] = append(r.panics[cell], p)
	stop := r.stop
	r.mu.Unlock()
	if stop != nil {
		stop(cell)
	}
}

func (r *recorder) output(cell string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b := r.out[cell]; b != nil {
		return b.String()
	}
	return ""
}

// session runs cells like the kernel does, in process.
type session struct {
	t    *testing.T
	prog *program.Program
	ev   *Evaluator
	rec  *recorder
	n    int
}

var imp = importer.New(symbols.All())

func newSession(t *testing.T) *session {
	rec := newRecorder()
	ev, err := New(rec)
	if err != nil {
		t.Fatal(err)
	}
	s := &session{t: t, prog: program.New(imp), ev: ev, rec: rec}
	rec.stop = func(cell string) { s.ev.stops.stop(cell, 0) }
	return s
}

// run runs one cell and returns its label and error.
func (s *session) run(src string) (string, error) {
	s.n++
	label := fmt.Sprintf("[%d]", s.n)
	u, err := s.prog.Compile(label, src)
	if err != nil {
		return label, err
	}
	if u.Rebuild {
		ev, err := New(s.rec)
		if err != nil {
			s.t.Fatal(err)
		}
		s.ev = ev
		s.prog.Commit(u)
		if _, err := ev.Run(context.Background(), label, u.Chunks, RunOptions{Label: label}); err != nil {
			return label, fmt.Errorf("rebuild: %w", err)
		}
		labels, srcs := s.prog.ReplayCells()
		for i := range labels {
			ru, err := s.prog.Replay(labels[i], srcs[i])
			if err != nil {
				continue
			}
			ev.Run(context.Background(), "replay", ru.Body, RunOptions{Label: "replay"})
		}
		_, err = ev.Run(context.Background(), label, u.Body, RunOptions{Label: label})
		if err == nil {
			s.prog.Succeeded(u)
		}
		return label, err
	}
	done, err := s.ev.Run(context.Background(), label, u.Chunks, RunOptions{Label: label})
	if done > 0 || len(u.Chunks) > 0 && !u.Chunks[0].Decl {
		s.prog.Commit(u)
	}
	if err == nil {
		s.prog.Succeeded(u)
	}
	return label, err
}

func (s *session) must(src string) string {
	s.t.Helper()
	label, err := s.run(src)
	if err != nil {
		s.t.Fatalf("cell %s failed: %v\n%s", label, err, src)
	}
	return label
}

func (s *session) result(label string) string {
	s.rec.mu.Lock()
	defer s.rec.mu.Unlock()
	return strings.Join(s.rec.results[label], "|")
}

func TestCellsShareState(t *testing.T) {
	s := newSession(t)
	s.must("x := 40")
	if got := s.result(s.must("x + 2")); got != "42" {
		t.Errorf("x + 2 = %q", got)
	}
	if got := s.result(s.must("6*7")); got != "42" {
		t.Errorf("6*7 = %q", got)
	}
	l := s.must("import \"fmt\"\nfmt.Println(\"hello\", x)")
	if got := s.rec.output(l); got != "hello 40\n" {
		t.Errorf("output %q", got)
	}
	if got := s.result(l); got != "" {
		t.Errorf("Println showed a result: %q", got)
	}
}

func TestMixedCell(t *testing.T) {
	s := newSession(t)
	l := s.must(`count := 0
func inc() { count++ }
type point struct{ X, Y int }
inc()
inc()
p := point{count, 3}
func (p point) Sum() int { return p.X + p.Y }
fmt.Println(p.Sum())
p`)
	if got := s.rec.output(l); got != "5\n" {
		t.Errorf("output %q", got)
	}
	if got := s.result(l); got != "{X:2 Y:3}" {
		t.Errorf("result %q", got)
	}
	if got := s.result(s.must("p.Sum() + count")); got != "7" {
		t.Errorf("later cell: %q", got)
	}
}

func TestRedefineFunctionReachesCallers(t *testing.T) {
	s := newSession(t)
	s.must("func f() int { return 1 }\nfunc g() int { return f() }")
	s.must("func f() int { return 2 }")
	if got := s.result(s.must("g()")); got != "2" {
		t.Errorf("g() after redefining f = %q, want 2", got)
	}
	// A changed signature recompiles the callers that still fit.
	s.must("func f() string { return \"s\" }\nfunc g() string { return f() + f() }")
	if got := s.result(s.must("g()")); got != `"ss"` {
		t.Errorf("g() = %q", got)
	}
}

func TestRedefineMethodAndType(t *testing.T) {
	s := newSession(t)
	s.must("type T struct{ n int }\nfunc (t T) Get() int { return t.n }")
	s.must("v := T{3}")
	s.must("func (t T) Get() int { return t.n * 10 }")
	if got := s.result(s.must("v.Get()")); got != "30" {
		t.Errorf("after method redefinition: %q", got)
	}
	s.must("type T struct{ n, m int }\nfunc (t T) Get() int { return t.n + t.m }")
	if got := s.result(s.must("T{1, 2}.Get()")); got != "3" {
		t.Errorf("after type redefinition: %q", got)
	}
}

func TestReRunCellWithImports(t *testing.T) {
	s := newSession(t)
	for i := 0; i < 3; i++ {
		s.must("import \"strings\"\nfunc up(s string) string { return strings.ToUpper(s) }\nu := up(\"a\")")
	}
	if got := s.result(s.must("u")); got != `"A"` {
		t.Errorf("u = %q", got)
	}
}

func TestAutoImport(t *testing.T) {
	s := newSession(t)
	l := s.must("var mu sync.Mutex\nmu.Lock()\nfmt.Println(strings.Repeat(\"ab\", 2), time.Second)")
	if got := s.rec.output(l); got != "abab 1s\n" {
		t.Errorf("output %q", got)
	}
}

func TestCompileErrorPositions(t *testing.T) {
	s := newSession(t)
	tests := []struct{ src, want string }{
		{"x := 1\ny := \"a\" + 1", `[1]:2:6`},
		{"func bad(in <-chan int) {\n\tin <- 1\n}", "cannot send to receive-only channel"},
		{"func f() int {\n}", "missing return"},
		{"func h() {\n\tz := 1\n}", "declared and not used: z"},
		{"undefinedThing()", "undefined: undefinedThing"},
		// testing.T embeds an unexported type whose methods it promotes:
		// no cell can write its underlying type (compileddefined.go).
		{"import \"testing\"\ntype tt testing.T", ":2:9: goconc cannot declare tt from testing.T: testing.T holds a type that package testing does not export"},
	}
	for _, tt := range tests {
		_, err := s.run(tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want it to contain %q", tt.src, err, tt.want)
		}
	}
	// Unused top-level variables are fine: later cells may use them.
	s.must("unused := 3")
}

// The interpreter's compiler crashing on valid Go is an interpreter
// error, not a panic of the cell's.
func TestCompilerCrashIsACompileError(t *testing.T) {
	s := newSession(t)
	// (The interpreter takes g for a generic function: fx holds itself.)
	_, err := s.run(`type fn func(int) int
type fx func(fx) fn
g := func(x fx) fn { return x(x) }
h := func(x fx) fn { return func(a int) int { return a + 1 } }
fmt.Println(g(h)(1))`)
	var ce *CompileError
	if !errors.As(err, &ce) || !strings.Contains(ce.Msg, "CFG post-order panic") {
		t.Fatalf("err = %T %v, want a *CompileError about the interpreter's crash", err, err)
	}
	s.must("fmt.Println(\"still here\")")
}

func TestGoroutinePanicIsReported(t *testing.T) {
	s := newSession(t)
	s.must("keep := 7")
	// The goroutine's panic stops the cell, as it ends a Go program,
	// before the cell's <-done returns.
	l, err := s.run(`done := make(chan bool)
func boom(n int) { defer close(done); panic(fmt.Sprint("boom ", n)) }
go boom(2)
<-done
fmt.Println("unreachable")`)
	if err != ErrInterrupted || s.rec.output(l) != "" {
		t.Errorf("the cell: %v, %q; want it stopped before it prints", err, s.rec.output(l))
	}
	s.rec.mu.Lock()
	ps := s.rec.panics[l]
	s.rec.mu.Unlock()
	if len(ps) != 1 {
		t.Fatalf("panics = %v", ps)
	}
	p := ps[0]
	if p.Value != "boom 2" || p.Goroutine != "boom(2)" || p.StartedAt != l+":3" {
		t.Errorf("report = %+v", p)
	}
	if len(p.Frames) == 0 || !strings.HasPrefix(p.Frames[0].Pos, l+":2:") {
		t.Errorf("frames = %+v", p.Frames)
	}
	if got := s.result(s.must("keep")); got != "7" {
		t.Errorf("state lost: %q", got)
	}
}

func TestCellPanic(t *testing.T) {
	s := newSession(t)
	_, err := s.run("var m map[string]int\nm[\"a\"] = 1")
	p, ok := err.(*PanicReport)
	if !ok || p.Value != "assignment to entry in nil map" {
		t.Fatalf("err = %#v", err)
	}
}

// A cell's uncaught panic says what Go's runtime says of the value: the
// Value of panic's argument printed "<error Value>" for panic(err), the
// most common panic there is.
func TestCellPanicValues(t *testing.T) {
	s := newSession(t)
	s.must("type codeErr struct{ code int }\nfunc (e codeErr) Error() string { return fmt.Sprint(\"code \", e.code) }\ntype temp float64\nfunc (c temp) String() string { return fmt.Sprintf(\"%.1f°C\", float64(c)) }\ntype point struct{ x int }\ntype level int\ntype color string\ntype ratio float64\ntype mood int\nfunc (m mood) String() string { return \"happy\" }")
	for _, tt := range []struct{ cell, want string }{
		{"panic(level(5))", "main.level(5)"},
		{"l := level(6)\npanic(l)", "main.level(6)"},
		{"panic(color(\"red\"))", `main.color("red")`},
		{"panic(ratio(0.5))", "main.ratio(0.5)"},
		{"panic(mood(1))", "happy"},
		{"_, err := strconv.Atoi(\"x\")\npanic(err)", `strconv.Atoi: parsing "x": invalid syntax`},
		{"var err error = &os.PathError{Op: \"open\", Path: \"/x\", Err: os.ErrNotExist}\npanic(err)", "open /x: file does not exist"},
		{"var err error = codeErr{42}\npanic(err)", "code 42"},
		{"var s fmt.Stringer = temp(3)\npanic(s)", "3.0°C"},
		{"n := 42\npanic(n)", "42"},
		{"f := 1.5\npanic(f)", "1.5"},
		{"panic(float32(0.1))", "0.1"},
		{"b := true\npanic(b)", "true"},
		{"panic(complex(1, -2))", "(1-2i)"},
		{"msg := fmt.Sprint(\"bad \", 3)\npanic(msg)", "bad 3"},
		{"panic(time.Month(3))", "March"},
		{"panic(fs.FileMode(0))", "----------"},
	} {
		_, err := s.run(tt.cell)
		p, ok := err.(*PanicReport)
		if !ok || p.Value != tt.want {
			t.Errorf("%q: panic value %#v, want %q", tt.cell, err, tt.want)
		}
	}
	for _, tt := range []struct{ cell, prefix string }{
		{"p := &point{1}\npanic(p)", "(*main.point) 0x"},
		{"panic([]int{1})", "([]int) 0x"},
	} {
		_, err := s.run(tt.cell)
		if p, ok := err.(*PanicReport); !ok || !strings.HasPrefix(p.Value, tt.prefix) {
			t.Errorf("%q: panic value %#v, want %q and an address", tt.cell, err, tt.prefix)
		}
	}
}

func TestInterrupt(t *testing.T) {
	s := newSession(t)
	s.must("x := 1")
	u, err := s.prog.Compile("[9]", "for {\n}")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = s.ev.Run(ctx, "[9]", u.Chunks, RunOptions{Label: "[9]"})
	if err != ErrInterrupted {
		t.Fatalf("err = %v", err)
	}
	if got := s.result(s.must("x")); got != "1" {
		t.Errorf("state after interrupt: %q", got)
	}
}

func TestStdinAsksHost(t *testing.T) {
	s := newSession(t)
	l := s.must("var name string\nfmt.Scanln(&name)\nsc := bufio.NewScanner(os.Stdin)\nsc.Scan()\nfmt.Println(name, sc.Text())")
	if got := s.rec.output(l); got != "typed typed\n" {
		t.Errorf("output %q", got)
	}
}

// A notebook variable declared with a value whose type comes from a
// package: the hoisted assignment must still find the package.
func TestHoistedValuesWithPackageTypes(t *testing.T) {
	s := newSession(t)
	s.must("var l sync.Locker = &sync.Mutex{}\nvar b = &bytes.Buffer{}\nvar m = map[string]*strings.Builder{\"a\": {}}")
	l := s.must("l.Lock()\nl.Unlock()\nb.WriteString(\"ok\")\nm[\"a\"].WriteString(\"!\")\nfmt.Println(b.String() + m[\"a\"].String())")
	if got := s.rec.output(l); got != "ok!\n" {
		t.Errorf("output %q", got)
	}
}

// An interrupt can overtake its cell on the way to the run loop (the
// user pressed stop at once, or the machine is busy): the cell must then
// start stopped, not run on until the supervisor kills the evaluator.
func TestInterruptBeforeTheCellStarts(t *testing.T) {
	s := newSession(t)
	u, err := s.prog.Compile("[9]", "for {\n}")
	if err != nil {
		t.Fatal(err)
	}
	events, w := io.Pipe()
	srv := &server{e: s.ev, conn: evalproto.NewConn(strings.NewReader(""), w), runs: make(chan evalproto.Request, 1), memory: &memoryReturn{free: func() {}}}
	req := evalproto.Request{Op: evalproto.OpRun, Seq: 1, Cell: "c9", Label: "[9]", Timeline: "off"}
	for _, c := range u.Chunks {
		req.Chunks = append(req.Chunks, evalproto.Chunk{Src: c.Src, Decl: c.Decl})
	}
	srv.runs <- req
	srv.interrupt("c9", false)
	go srv.runLoop()
	defer close(srv.runs)
	done := make(chan evalproto.Event, 1)
	go func() {
		conn := evalproto.NewConn(events, io.Discard)
		for {
			var ev evalproto.Event
			if conn.Recv(&ev) != nil {
				return
			}
			if ev.Kind == evalproto.EvDone {
				done <- ev
				return
			}
		}
	}()
	select {
	case ev := <-done:
		if ev.Status != evalproto.StatusInterrupted {
			t.Errorf("the cell ended %q, want %q", ev.Status, evalproto.StatusInterrupted)
		}
	case <-time.After(time.Minute):
		t.Fatal("the cell runs on: the interrupt that came before it was lost")
	}
}

// Every element type the cell pipeline gives typed channel hooks has them.
func TestTypedChanHooks(t *testing.T) {
	hooks := (&Evaluator{}).typedChanHooks()
	suffixes := []string{program.FastChanEmpty}
	for _, s := range program.FastChanElems {
		suffixes = append(suffixes, s)
	}
	for _, s := range suffixes {
		for _, h := range []string{"Send", "Recv", "RecvOK"} {
			if _, ok := hooks[h+s]; !ok {
				t.Errorf("no hook %s%s", h, s)
			}
		}
	}
	if len(hooks) != 3*len(suffixes) {
		t.Errorf("%d typed hooks for %d element types", len(hooks), len(suffixes))
	}
}

// The evaluator empties the interpreter's lists of evaluated code after
// each cell (roots.go): a Yaegi whose fields moved would keep every cell's
// code again, silently, so the layout is checked here.
func TestForgetCode(t *testing.T) {
	if !interpLayout.ok {
		t.Fatal("yaegi's Interpreter has no roots list or scopes of the expected types: update roots.go for this version of Yaegi")
	}
	s := newSession(t)
	for i := 0; i < 20; i++ {
		if _, err := s.run(fmt.Sprintf("x := %d\nfmt.Println(x)", i)); err != nil {
			t.Fatal(err)
		}
	}
	v := reflect.ValueOf(s.ev.interp).Elem()
	if n := v.FieldByName("roots").Len(); n > 0 {
		t.Errorf("%d syntax trees kept after the cells ran", n)
	}
	main := v.FieldByName("scopes").MapIndex(reflect.ValueOf("main")).Elem()
	if n := main.FieldByName("child").Len(); n > 0 {
		t.Errorf("the main scope kept %d scopes", n)
	}
	if n := main.FieldByName("sym").Len(); n > 10 {
		t.Errorf("the main scope has %d symbols after 20 cells of one variable", n)
	}
}

// A function that asserts to an interface sees the types declared after
// it, and the methods given to them later.
func TestAssertionsSeeLaterTypes(t *testing.T) {
	s := newSession(t)
	s.must(`type Shape interface{ Area() float64 }
func isShape(v any) bool { _, ok := v.(Shape); return ok }
func area(v any) float64 { return v.(Shape).Area() }`)
	s.must(`type Square struct{ S float64 }
func (q Square) Area() float64 { return q.S * q.S }`)
	if got := s.result(s.must("fmt.Sprint(isShape(Square{3}), area(Square{3}))")); got != `"true 9"` {
		t.Errorf("a type declared later: %q, want true 9", got)
	}
	s.must(`type Circle struct{ R float64 }`)
	if got := s.result(s.must("isShape(&Circle{1})")); got != "false" {
		t.Errorf("before its method: %q, want false", got)
	}
	s.must(`func (c *Circle) Area() float64 { return 3 * c.R * c.R }`)
	if got := s.result(s.must("fmt.Sprint(isShape(&Circle{1}), isShape(Circle{1}), area(&Circle{2}))")); got != `"true false 12"` {
		t.Errorf("after its method: %q, want true false 12", got)
	}
}

// A type switch with a case of an interface sees later types too.
func TestTypeSwitchesSeeLaterTypes(t *testing.T) {
	s := newSession(t)
	s.must(`type Shape interface{ Area() float64 }
func kind(v any) string {
	switch x := v.(type) {
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case error:
		return "error"
	}
	return "other"
}`)
	s.must(`type Square struct{ S float64 }
func (q Square) Area() float64 { return q.S * q.S }`)
	if got := s.result(s.must("kind(Square{3})")); got != `"shape 9"` {
		t.Errorf("a type declared later: %s, want \"shape 9\"", got)
	}
}

// A goroutine's panic ends its cell at once, as it ends a Go program: the
// interrupt the supervisor sends then (Now) closes the cell's stop channel
// before it returns, with no grace for code watching the context.
func TestInterruptNow(t *testing.T) {
	s := newSession(t)
	srv := &server{e: s.ev, runs: make(chan evalproto.Request, 1), memory: &memoryReturn{free: func() {}}}
	srv.interrupt("c1", true)
	select {
	case <-s.ev.stops.get("c1"):
	default:
		t.Fatal("the stop channel is still open after an interrupt with Now")
	}
}

// TestPanicChains: above an uncaught panic, the panics recovered on its
// way by calls that had not returned, as Go prints them.
func TestPanicChains(t *testing.T) {
	s := newSession(t)
	s.must("func safe(f func()) (err error) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n\t\t\terr = fmt.Errorf(\"%v\", r)\n\t\t\treturn\n\t\t}\n\t}()\n\tf()\n\treturn nil\n}\nfunc inner() {\n\tdefer func() { r := recover(); panic(fmt.Sprint(\"after \", r)) }()\n\tpanic(\"inner\")\n}\nfunc handle() { recover() }\nfunc twice() {\n\tdefer func() { panic(\"second\") }()\n\tpanic(\"first\")\n}\ntype closer struct{}\nfunc (closer) Close() { panic(\"close failed\") }")
	for _, tt := range []struct{ name, cell, want string }{
		{"re-panicked", "defer func() { r := recover(); panic(r) }()\npanic(\"boom\")", "boom [recovered, repanicked]"},
		{"another value", "defer func() { r := recover(); panic(fmt.Sprint(\"wrapped: \", r)) }()\npanic(\"boom\")", "boom [recovered]\n\tpanic: wrapped: boom"},
		{"recoveries that returned are over", "for i := range 3 { _ = safe(func() { panic(i) }) }\nfunc() { defer handle(); panic(\"handled\") }()\npanic(\"final\")", "final"},
		{"a call that panicked again, recovered since", "_ = safe(inner)\npanic(\"last\")", "last"},
		{"runtime error", "defer func() { r := recover(); panic(r) }()\nvar m map[string]int\nm[\"x\"] = 1", "assignment to entry in nil map [recovered, repanicked]"},
		{"an earlier cell's", "panic(\"alone\")", "alone"},
		{"aborted by a deferred call's", "defer func() { panic(\"second\") }()\npanic(\"first\")", "first\n\tpanic: second"},
		{"aborted by a deferred method's", "defer closer{}.Close()\nvar s []int\n_ = s[3]", "runtime error: index out of range [3] with length 0\n\tpanic: close failed"},
		{"aborted twice", "defer fmt.Print(\"\")\ndefer func() { panic(\"a\") }()\ndefer func() { panic(\"b\") }()\npanic(\"first\")", "first\n\tpanic: b\n\tpanic: a"},
		{"aborted, then recovered", "defer func() { r := recover(); panic(fmt.Sprint(\"re \", r)) }()\ndefer func() { panic(\"second\") }()\npanic(\"first\")", "first\n\tpanic: second [recovered]\n\tpanic: re second"},
		{"aborted, recovered by a call that returned", "_ = safe(twice)\npanic(\"later\")", "later"},
	} {
		_, err := s.run(tt.cell)
		if p, ok := err.(*PanicReport); !ok || p.Value != tt.want {
			t.Errorf("%s: %#v, want the panic value %q", tt.name, err, tt.want)
		}
	}
}

// TestDeferredHandlerOfAnEarlierCell: a function that recovers, declared
// in one cell and deferred in another, takes the panic.
func TestDeferredHandlerOfAnEarlierCell(t *testing.T) {
	s := newSession(t)
	s.must("func handle() { recover() }\ntype guard struct{}\nfunc (guard) catch() { recover() }")
	for _, cell := range []string{
		"func() { defer handle(); panic(\"handled\") }()",
		"func() { defer guard{}.catch(); panic(\"caught\") }()",
		"defer handle()\npanic(\"at the top\")",
	} {
		if _, err := s.run(cell); err != nil {
			t.Errorf("%q: %v", cell, err)
		}
	}
}

// TestDeferredCallsAfterADeferredPanic: the calls deferred before one that
// panics still run, in a cell's own statements as in a function.
func TestDeferredCallsAfterADeferredPanic(t *testing.T) {
	s := newSession(t)
	l, err := s.run("defer fmt.Println(\"deferred first, runs last\")\ndefer func() { panic(\"second\") }()\npanic(\"first\")")
	if out := s.rec.output(l); out != "deferred first, runs last\n" {
		t.Errorf("output %q", out)
	}
	if p, ok := err.(*PanicReport); !ok || p.Value != "first\n\tpanic: second" {
		t.Errorf("%#v, want the panic second, which aborted first", err)
	}
	l, err = s.run("func f() (r string) {\n\tdefer func() { r = fmt.Sprint(\"recovered \", recover()) }()\n\tdefer fmt.Print(\"cleanup; \")\n\tdefer func() { panic(\"second\") }()\n\tpanic(\"first\")\n}\nfmt.Println(f())")
	if out := s.rec.output(l); err != nil || out != "cleanup; recovered second\n" {
		t.Errorf("output %q, %v", out, err)
	}
	// A deferred literal with arguments stays where it stands, where its
	// recover() finds the panic (Go's test/fixedbugs/issue40629.go hung).
	l, err = s.run("func g() {\n\tvar x [2]int\n\tdefer func(p *[2]int) {\n\t\tr := recover()\n\t\tfmt.Println(\"recovered\", r != nil, p[0])\n\t\tif r == \"never\" {\n\t\t\tpanic(r)\n\t\t}\n\t}(&x)\n\tdefer fmt.Print(\"second; \")\n\tvar q *int\n\t*q = 1\n}\ng()")
	if out := s.rec.output(l); err != nil || out != "second; recovered true 0\n" {
		t.Errorf("output %q, %v", out, err)
	}
}
