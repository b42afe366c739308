// Package evaluator runs cells in a Yaegi interpreter. It lives in its own
// process, started by the kernel's supervisor, so that nothing a cell does
// (a fatal error, os.Exit, running out of memory) can take the kernel down.
//
// The evaluator knows nothing of Jupyter or of Go source: it receives code
// already checked and rewritten by package program, runs it, and reports
// what happens (output, results, displays, panics) to a Host.
package evaluator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/goconc/goconc/kernel/symbols/std"
	"github.com/traefik/yaegi/interp"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/symbols"
	gocontext "github.com/goconc/goconc/lib/context"
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/selfcheck"
	"github.com/goconc/goconc/lib/trace"
)

// Host receives what cells produce. Its methods may be called from any
// goroutine. cell is the id of the cell the output belongs to.
type Host interface {
	Stream(cell, name, text string)
	Display(cell string, d display.Data, update bool)
	Clear(cell string, wait bool)
	Result(cell string, d display.Data)
	Panic(cell string, p *PanicReport)
	// Input asks the user for a line of input for cell.
	Input(cell string) (string, error)
}

// Evaluator is one interpreter and the cells run in it.
type Evaluator struct {
	host   Host
	router *router // host is the router: schedules of an exploration keep their output
	interp *interp.Interpreter
	out    *writer
	errw   *writer
	stdio  *stdio
	runes  wholeRunes // characters cut in two by writes
	input  *input
	stdLog *log.Logger // the cells' standard logger (logs.go)

	stops   stops
	starts  atomic.Int64 // goroutines started by go statements (goStarting)
	boxes   boxTable     // the boxes handed out for map keys and for values compiled code keeps
	signals signalRegs   // what the program waits for of os/signal (signals.go)

	mu       sync.Mutex
	current  string         // the cell running now
	label    string         // its label
	last     string         // the cell that ran last
	mainG    int64          // the goroutine running the current cell's statements
	deadlock *DeadlockError // found while the current cell ran
	memory   *MemoryError   // the current cell was stopped for using too much memory
	memLimit uint64
	names    *evalproto.NameTable // for crash reports; nil outside a kernel
	evalMu   sync.Mutex
}

// programArgs makes os.Args a program's started without arguments: the
// evaluator's own ("goconc evaluator") would be the arguments flag.Parse
// and os.Args[1:] see, in the interpreter and in compiled code alike; and
// flag.CommandLine a program's (programflags.go).
var programArgs sync.Once

// programEnv is the environment cells see: the kernel's (the interpreter
// gives cells only what it is handed), without what the kernel tells the
// evaluator alone.
func programEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, evalproto.NameTableEnv+"=") {
			env = append(env, kv)
		}
	}
	return env
}

// New returns an evaluator reporting to host.
func New(host Host) (*Evaluator, error) {
	var err error
	e := &Evaluator{router: newRouter(host)}
	e.host = e.router
	e.out = &writer{e: e, name: "stdout"}
	e.errw = &writer{e: e, name: "stderr", traces: true}
	e.stdLog = log.New(e.errw, "", log.LstdFlags)
	if cellsLogProcess {
		e.stdLog = log.Default()
		e.stdLog.SetOutput(e.errw)
		e.stdLog.SetFlags(log.LstdFlags)
		e.stdLog.SetPrefix("")
	}
	dropInterpreterLogs(e.stdLog)
	if e.input, err = newInput(e.askInput); err != nil {
		return nil, err
	}
	programArgs.Do(func() {
		os.Args = os.Args[:1]
		programCommandLine()
	})
	i := interp.New(interp.Options{Stdout: e.out, Stderr: e.errw, Stdin: e.input, GoPath: "/nonexistent",
		Args: os.Args, Env: programEnv()})
	registerRenderTypes()
	if err := i.Use(symbols.All()); err != nil {
		return nil, fmt.Errorf("loading the standard library into the interpreter: %w", err)
	}
	// After the standard library, so that these replace its symbols.
	if err := i.Use(e.hooks()); err != nil {
		return nil, err
	}
	if err := i.Use(exits(e)); err != nil {
		return nil, err
	}
	e.signals.cell = func() string {
		e.mu.Lock()
		defer e.mu.Unlock()
		return e.current
	}
	if err := i.Use(e.signals.exports()); err != nil {
		return nil, err
	}
	if err := i.Use(e.logExports()); err != nil {
		return nil, err
	}
	if e.stdio, err = newStdio(e); err != nil {
		return nil, err
	}
	if err := i.Use(e.stdio.exports()); err != nil {
		return nil, err
	}
	if err := i.Use(e.input.exports()); err != nil {
		return nil, err
	}
	e.interp = i
	if _, err := i.Eval(fmt.Sprintf("import %s %q", program.HooksName, program.HooksPath)); err != nil {
		return nil, fmt.Errorf("loading goconc's hooks: %w", err)
	}
	// Exercise checks print as fmt.Print does in cells, in order with it.
	selfcheck.Output = e.out
	// Goroutines of cells run interpreted code; the others are the
	// evaluator's own (output flushers, timeline updates).
	selfcheck.IgnoreGoroutine = func(stack string) bool { return !strings.Contains(stack, "github.com/traefik/yaegi/interp.") }
	display.SetSink(sink{e})
	trace.SetHost(traceHost{e})
	gocontext.SetBackground(e.background)
	theEvaluator = e
	return e, nil
}

// registerRenderTypes tells the interpreter which interfaces to keep when
// an interpreted value is passed to Show or Display, so that its String,
// Error or HTML methods are seen.
func registerRenderTypes() {
	std.MapTypes[reflect.ValueOf(show)] = renderTypes
	std.MapTypes[reflect.ValueOf(display.Display)] = renderTypes
}

// renderTypes are the interfaces the interpreter keeps for Show and Display.
var renderTypes = []reflect.Type{
	reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	reflect.TypeOf((*error)(nil)).Elem(),
	reflect.TypeOf((*display.HTMLer)(nil)).Elem(),
	reflect.TypeOf((*display.SVGer)(nil)).Elem(),
	reflect.TypeOf((*display.Markdowner)(nil)).Elem(),
	reflect.TypeOf((*display.PNGer)(nil)).Elem(),
	reflect.TypeOf((*display.JPEGer)(nil)).Elem(),
	reflect.TypeOf((*display.Latexer)(nil)).Elem(),
	reflect.TypeOf((*display.JSONer)(nil)).Elem(),
	reflect.TypeOf((*display.Renderer)(nil)).Elem(),
	reflect.TypeOf((*display.SimpleRenderer)(nil)).Elem(),
	reflect.TypeOf((*display.PDFer)(nil)).Elem(),
	reflect.TypeOf((*display.JavaScripter)(nil)).Elem(),
}

// cellOf returns the cell a goroutine's output belongs to: the one that
// started it, else the one running, else the last.
func (e *Evaluator) cellOf(label string) string {
	if label != "" {
		return label
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.current != "" {
		return e.current
	}
	return e.last
}

// ErrInterrupted is returned by Run when the cell was interrupted.
var ErrInterrupted = errors.New("interrupted")

// Run runs the chunks of a cell with id cell. It returns nil, a compile
// error from the interpreter (*CompileError), a panic (*PanicReport), or
// ErrInterrupted. A chunk that fails stops the rest; done reports how many
// chunks succeeded. Cancelling ctx interrupts the cell, as Interrupt does;
// the interpreter's own cancellation is never used, because it breaks every
// closure made before it. A deadlock stops the cell too: Run returns a
// *DeadlockError.
func (e *Evaluator) Run(ctx context.Context, cell string, chunks []program.Chunk, opts RunOptions) (done int, err error) {
	var replay *explore.Schedule
	if x := opts.Explore; x != nil {
		if x.Replay == "" {
			return e.exploreCell(ctx, cell, chunks, opts)
		}
		s, err := explore.ParseToken(x.Replay)
		if err != nil {
			return 0, err
		}
		replay = &s
		defer e.restore(x.Restore)
	}
	e.evalMu.Lock()
	defer e.evalMu.Unlock()
	e.mu.Lock()
	e.label = opts.Label
	e.mu.Unlock()
	defer func() {
		// The interpreter ran the cell's statements in a goroutine of
		// their own, now gone.
		e.mu.Lock()
		g := e.mainG
		e.mu.Unlock()
		trace.Forget(g)
		forgetCode(e.interp)
	}()
	rec := e.startRecording(cell, opts)
	defer rec.finish()
	stopWhenDone := context.AfterFunc(ctx, func() { e.Interrupt(cell) })
	defer stopWhenDone()
	e.mu.Lock()
	e.current, e.last = cell, cell
	e.mu.Unlock()
	e.takeDeadlock()
	e.takeMemoryError()
	trace.EndUnwindings() // (unwinding.go)
	defer trace.EndUnwindings()
	stopWatch := make(chan struct{})
	go e.input.watch(stopWatch)
	if replay == nil {
		// A replayed schedule finds its own deadlocks.
		go e.watchDeadlock(stopWatch, func(gs []trace.State) { e.deadlocked(cell, rec, gs) })
	}
	defer close(stopWatch)
	defer func() {
		if rec != nil && replay == nil {
			settle(cell)
		}
		e.stdio.sync()
		e.mu.Lock()
		e.current = ""
		e.mu.Unlock()
	}()
	for i, c := range chunks {
		// A context that is never cancelled: EvalWithContext only for the
		// recovery of compiler panics it adds.
		var run *explore.Run
		if replay != nil && i == len(chunks)-1 { // the cell's statements (program.Unit.Explore)
			run = e.beginReplay(cell, rec, *replay, opts.Explore.MaxSteps)
		}
		importFlags(c)
		_, err := e.interp.EvalWithContext(context.Background(), c.Src)
		if run != nil {
			if res := e.endReplay(run, err); res.Ending == explore.Cut {
				return done, &CutError{Steps: res.Steps}
			}
		}
		if err != nil {
			var p interp.Panic
			if errors.As(err, &p) {
				if _, stopped := p.Value.(halted); stopped {
					if d := e.takeDeadlock(); d != nil {
						return done, d
					}
					if m := e.takeMemoryError(); m != nil {
						rec.discard() // its events are part of what the cell used
						e.afterMemoryStop(cell)
						return done, m
					}
					return done, ErrInterrupted
				}
			}
			return done, e.convert(cell, err)
		}
		done++
	}
	return done, nil
}

// CompileError is an error the interpreter found when compiling code that
// the type checker accepted: a limit of the interpreter.
type CompileError struct{ Msg string }

func (e *CompileError) Error() string { return e.Msg }

func (e *Evaluator) convert(cell string, err error) error {
	var p interp.Panic
	if errors.As(err, &p) && compiling(p) {
		// The interpreter's compiler crashed on valid Go ("CFG
		// post-order panic: runtime error: ..."): no panic of the cell's.
		return &CompileError{Msg: strings.TrimSpace(cleanPositions(fmt.Sprint(p.Value)))}
	}
	if errors.As(err, &p) {
		e.mu.Lock()
		g := e.mainG
		e.mu.Unlock()
		return e.panicReport(cell, g, "", "", p.Value, true)
	}
	// Interpreter compile errors read "[5]:3:7: message"; panics escaping
	// the compiler read like Go panics.
	return &CompileError{Msg: strings.TrimSpace(cleanPositions(err.Error()))}
}

// compiling reports whether the interpreter panicked while it compiled a
// cell, before any of it ran: its compiler's frames are on the stack.
func compiling(p interp.Panic) bool {
	return bytes.Contains(p.Stack, []byte("interp.(*Interpreter).compileSrc("))
}

// askInput asks the host for a line of input for the running cell.
func (e *Evaluator) askInput() (string, error) {
	e.mu.Lock()
	cell := e.current
	e.mu.Unlock()
	return e.host.Input(cell)
}

// cleanPositions removes program.FileSuffix from positions in a message.
func cleanPositions(s string) string {
	return strings.ReplaceAll(s, program.FileSuffix+":", ":")
}
