// Package session runs a notebook's cells: it keeps the notebook's program
// (package program), runs each cell in an evaluator process (package
// evaluator), and turns what happens into outputs for the cell. It is the
// part of the kernel that Jupyter's messages drive, and also what the
// headless notebook runner uses.
//
// When the evaluator dies (a fatal error, os.Exit, a memory bomb) or must be
// rebuilt (a type was redefined), the session starts a new one and restores
// the notebook by giving it the program's declarations and re-running, with
// their output hidden, the cells that had succeeded.
package session

import (
	"context"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/gotool"
	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/magic"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/symbols"
	"github.com/goconc/goconc/lib/trace"
)

// Settings are the session's options, changed by magics.
type Settings struct {
	Replay   bool          // restore the session after a crash by re-running cells
	Timeout  time.Duration // per-cell time limit; 0 means none
	Timeline string        // "auto", "on" or "off"
	TraceMax int           // cap on the events of a cell's timeline
}

// Session runs cells. Execute calls must not overlap; Interrupt may be called
// at any time.
type Session struct {
	cmd  Command
	prog *program.Program
	log  *log.Logger

	mu      sync.Mutex
	proc    *process
	runs    map[string]*run
	order   []string
	current *run // the run in the evaluator (or the toolchain) now
	last    *run
	// executing is the cell Execute is working on, from its first step:
	// an interrupt while it is still compiled, or on its way to the
	// evaluator, must stop it too.
	executing *run
	settings  Settings
	seq       int
}

// Request is a cell to execute.
type Request struct {
	Code       string
	Label      string // how positions name the cell: "[5]"
	Silent     bool
	AllowStdin bool
	Out        Output
	// Input asks the user for a line when the cell reads standard input
	// (only with AllowStdin); ctx ends when the cell does.
	Input func(ctx context.Context) (string, error)
}

// Reply is the outcome of a cell.
type Reply struct {
	Status    string // "ok" or "error"
	Ename     string
	Evalue    string
	Traceback []string
	Page      string // text for the frontend's pager (help requests)
}

// run is a cell being run, or that ran: its goroutines may still print.
type run struct {
	id      string
	label   string
	out     Output
	streams *streams
	done    chan evalproto.Event
	seq     int
	input   func(ctx context.Context) (string, error)
	ctx     context.Context
	cancel  context.CancelFunc
	quiet   bool // shows nothing: a silent request, or a restore

	mu          sync.Mutex
	panics      []*evalproto.Panic
	finished    bool
	panicked    bool // it ended with a panic
	interrupted bool
	signaled    bool               // its first interrupt went to the program as os.Interrupt
	stopTool    context.CancelFunc // stops a %%race or %%vet run
}

// New starts a session whose evaluators run cmd.
func New(cmd Command, logger *log.Logger) (*Session, error) {
	s := &Session{
		cmd:      cmd,
		prog:     program.New(newImporter()),
		log:      logger,
		runs:     map[string]*run{},
		settings: Settings{Replay: true, Timeline: "auto", TraceMax: trace.DefaultMaxEvents},
	}
	if err := s.start(); err != nil {
		return nil, err
	}
	if err := s.prelude(); err != nil {
		return nil, err
	}
	return s, nil
}

// prelude declares what every notebook has: gophernotes' Display
// function. The display package itself is imported where a cell uses it
// (autoimport): imported here by its name, it took the name from a
// program declaring its own display (func display(path string, v
// reflect.Value), The Go Programming Language's), which Go lets it have,
// and the cell was refused ("other declaration of display").
const preludeSrc = `import __goconc_display "github.com/goconc/goconc/kernel/display"

// Display shows v below the cell now: display.Data, an image, or any value.
func Display(v any) error { return __goconc_display.Display(v) }
`

func (s *Session) prelude() error {
	r := s.hiddenRun("prelude")
	reply := s.execute(context.Background(), r, program.PreludeLabel, preludeSrc)
	if reply.Status != "ok" {
		return fmt.Errorf("goconc's prelude failed: %s", reply.Evalue)
	}
	return nil
}

// Program returns the notebook's program, for completion and inspection.
func (s *Session) Program() *program.Program { return s.prog }

// Settings returns the current settings.
func (s *Session) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings
}

func (s *Session) start() error {
	p, err := startProcess(s.cmd, s.raw)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.proc = p
	s.mu.Unlock()
	go s.pump(p)
	return nil
}

// Close stops the evaluator.
func (s *Session) Close() {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p != nil {
		p.shutdown()
		p.forget()
	}
}

// raw handles what the evaluator wrote to its own stdout and stderr, which
// belongs to the cell running (or the last one).
func (s *Session) raw(stream, text string) {
	if r := s.target(""); r != nil {
		r.streams.write(stream, text)
	}
}

// target returns the run an event for cell id belongs to.
func (s *Session) target(id string) *run {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.runs[id]; r != nil {
		return r
	}
	if s.current != nil {
		return s.current
	}
	return s.last
}

// showing returns the run that shows r's output. Frontends stop listening
// to a cell once it is done (JupyterLab, Notebook and nbclient drop what
// comes after its reply), so what a goroutine outputs after its cell ended
// goes to the cell running then, as all goroutines of a Go program share
// one stdout. Between cells it stays with its own cell, which consoles
// still show.
func (s *Session) showing(r *run) *run {
	s.mu.Lock()
	c := s.current
	s.mu.Unlock()
	if c != nil && c != r && !c.quiet && r.ended() {
		return c
	}
	return r
}

// pump delivers the events of process p.
func (s *Session) pump(p *process) {
	for ev := range p.events {
		if ev.Kind == evalproto.EvSignals {
			p.wantsInterrupt.Store(ev.Interrupt)
			continue
		}
		r := s.target(ev.Cell)
		if r == nil {
			continue
		}
		switch ev.Kind {
		case evalproto.EvStream:
			s.showing(r).streams.write(ev.Name, ev.Text)
		case evalproto.EvDisplay:
			sr := s.showing(r)
			sr.streams.flush()
			sr.out.Display(ev.Data, ev.Metadata, ev.Transient, ev.Update)
		case evalproto.EvClear:
			sr := s.showing(r)
			sr.streams.flush()
			sr.out.Clear(ev.Wait)
		case evalproto.EvResult:
			r.streams.flush()
			r.out.Result(ev.Data, ev.Metadata)
		case evalproto.EvPanic:
			s.goroutinePanic(r, ev.Panic)
		case evalproto.EvDone:
			select {
			case r.done <- ev:
			default:
			}
		case evalproto.EvInput:
			go s.answerInput(p, r, ev.Seq)
		}
	}
}

// goroutinePanic handles a panic in a goroutine of cell r. A Go program
// dies when any goroutine panics; so while r runs, it is stopped and the
// panic is its error. If r already finished, the panic is shown under it;
// unless r ended with a panic: the program would have died of that one,
// and no later panic of its goroutines would have been (three callers of
// a singleflight.Group's Do that panicked panic each, one after the
// other, and the later ones failed the next cell).
func (s *Session) goroutinePanic(r *run, p *evalproto.Panic) {
	r.mu.Lock()
	finished, panicked := r.finished, r.panicked
	if !finished {
		r.panics = append(r.panics, p)
	}
	r.mu.Unlock()
	if panicked {
		return
	}
	if finished {
		sr := s.showing(r)
		sr.streams.flush()
		ename, evalue, tb := s.panicError([]*evalproto.Panic{p}, r.label)
		sr.out.Error(ename, evalue, tb)
		return
	}
	s.mu.Lock()
	proc := s.proc
	s.mu.Unlock()
	if proc != nil {
		s.stopWith(r, proc, true)
	}
}

// answerInput gets a line of input for a cell that reads standard input.
func (s *Session) answerInput(p *process, r *run, seq int) {
	ans := evalproto.Request{Op: evalproto.OpInput, Seq: seq}
	if r.input == nil {
		ans.Error = "no input"
		r.streams.write("stderr", "goconc: this cell reads standard input, but the frontend does not allow input "+
			"(allow_stdin is false, as when a notebook runs headless); the read gets end of file.\n")
	} else {
		ctx := r.ctx
		if ctx == nil {
			ctx = context.Background()
		}
		line, err := r.input(ctx)
		if err != nil {
			ans.Error = err.Error()
		}
		ans.Input = line
	}
	p.send(ans)
}

func (s *Session) newRun(label string, out Output, quiet bool) *run {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	r := &run{id: fmt.Sprintf("c%d", s.seq), label: label, out: out, quiet: quiet, streams: newStreams(out), done: make(chan evalproto.Event, 1)}
	s.runs[r.id] = r
	s.order = append(s.order, r.id)
	// Keep the most recent cells: older ones rarely print again.
	for len(s.order) > 200 {
		delete(s.runs, s.order[0])
		s.order = s.order[1:]
	}
	return r
}

func (s *Session) hiddenRun(label string) *run { return s.newRun(label, Discard{}, true) }

// wasInterrupted reports whether the user interrupted r.
func (r *run) wasInterrupted() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.interrupted
}

func (r *run) ended() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.finished
}

// Execute runs one cell.
func (s *Session) Execute(ctx context.Context, req Request) Reply {
	out := req.Out
	if out == nil {
		out = Discard{}
	}
	r := s.newRun(req.Label, out, req.Silent)
	if req.AllowStdin {
		r.input = req.Input
	}
	r.ctx, r.cancel = context.WithCancel(ctx)
	defer r.cancel()
	s.mu.Lock()
	s.executing = r
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.executing = nil
		s.mu.Unlock()
	}()
	reply := s.execute(ctx, r, req.Label, req.Code)
	r.streams.finish()
	if reply.Status == "error" {
		out.Error(reply.Ename, reply.Evalue, reply.Traceback)
	}
	return reply
}

func (s *Session) execute(ctx context.Context, r *run, label, code string) Reply {
	magics, code, err := magic.Parse(code)
	if err != nil {
		return errorReply("magic error", err.Error())
	}
	if name, ok := helpRequest(code); ok && len(magics) == 0 {
		magics = []magic.Magic{{Name: "doc", Args: []string{name}}}
		code = ""
	}
	opts, reply, stop := s.applyMagics(magics, r)
	if stop {
		return reply
	}
	if strings.TrimSpace(code) == "" {
		return Reply{Status: "ok", Page: opts.page}
	}
	if opts.tool != "" {
		return s.runTool(ctx, r, label, code, opts)
	}
	compile := s.prog.Compile
	if opts.explore != nil {
		compile = s.prog.CompileExplore
	}
	u, err := compile(label, code)
	if err != nil {
		return compileReply(err, code)
	}
	for _, n := range u.Notes {
		r.streams.write("stderr", "goconc: "+n+"\n")
	}
	s.mu.Lock()
	s.current = r
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.current, s.last = nil, r
		s.mu.Unlock()
		r.mu.Lock()
		r.finished = true
		r.mu.Unlock()
	}()

	if opts.explore != nil {
		for _, c := range u.Restore {
			opts.explore.Restore = append(opts.explore.Restore, evalproto.Chunk{Src: c.Src, Decl: c.Decl})
		}
	}
	chunks := u.Chunks
	if u.Rebuild {
		s.prog.Commit(u)
		why := "a redefinition needs a fresh interpreter"
		if u.RebuildWhy != "" {
			why = u.RebuildWhy
		}
		if rep, ok := s.restore(ctx, r, why); !ok {
			return rep
		}
		chunks = u.Body
	}
	ev, crashed := s.runChunks(ctx, r, chunks, opts)
	if !u.Rebuild && (ev.Done > 0 || len(chunks) == 0 || !chunks[0].Decl) && !crashed {
		s.prog.Commit(u)
	}
	if crashed {
		rep := s.crashReply(r)
		if ev.Done > 0 {
			s.prog.Commit(u)
		}
		s.restore(ctx, r, "the evaluator stopped")
		return rep
	}
	r.mu.Lock()
	panics := r.panics
	r.mu.Unlock()
	switch {
	case len(panics) > 0 || ev.Status == evalproto.StatusPanic:
		r.mu.Lock()
		r.panicked = true
		r.mu.Unlock()
		if ev.Panic != nil {
			ev.Panic.Goroutine = ""
			panics = append([]*evalproto.Panic{ev.Panic}, panics...)
		}
		ename, evalue, tb := s.panicError(panics, label)
		return Reply{Status: "error", Ename: ename, Evalue: evalue, Traceback: tb}
	case ev.Status == evalproto.StatusDeadlock:
		return deadlockReply(ev.Goroutines)
	case ev.Status == evalproto.StatusCut:
		return errorReply("Cut", ev.Error)
	case ev.Status == evalproto.StatusExpect:
		return errorReply("ExploreCheck", ev.Error)
	case ev.Status == evalproto.StatusMemory:
		return errorReply("MemoryLimit", ev.Error+"\nThe cell was stopped; the notebook's variables are kept.")
	case ev.Status == evalproto.StatusInterrupted:
		r.mu.Lock()
		timedOut := !r.interrupted
		r.mu.Unlock()
		if timedOut && opts.timeout > 0 {
			return errorReply("Timeout", fmt.Sprintf("the cell ran longer than its %v time limit (%%timeout) and was stopped", opts.timeout))
		}
		return errorReply("Interrupted", "the cell was interrupted; the notebook's variables are kept")
	case ev.Status == evalproto.StatusCompile:
		if ev.Done == 0 && len(chunks) > 0 && chunks[0].Decl {
			// The interpreter may have kept half of the declarations.
			s.restore(ctx, r, "the interpreter rejected a declaration")
		}
		msg := s.prog.Demangle(ev.Error) + "\n(goconc's interpreter, Yaegi, cannot run this although it is valid Go)"
		return errorReply("interpreter error", msg)
	}
	if len(ev.Goroutines) > 0 {
		r.streams.write("stderr", leakWarning(ev.Goroutines))
	}
	s.prog.Succeeded(u)
	return Reply{Status: "ok"}
}

// cellOptions are the per-cell effects of magics and settings.
type cellOptions struct {
	timeout  time.Duration
	page     string
	timeline string // auto, on or off
	traceMax int
	tool     gotool.Mode // run the cell with the Go toolchain instead
	explore  *evalproto.Explore
}

// helpRequest recognizes a cell that is only "name?" or "pkg.Name?", which
// asks for documentation as in IPython.
func helpRequest(code string) (string, bool) {
	t := strings.TrimSpace(code)
	if !strings.HasSuffix(t, "?") || len(t) < 2 {
		return "", false
	}
	name := strings.TrimSuffix(t, "?")
	for i, r := range name {
		if !(r == '_' || r == '.' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return "", false
		}
	}
	return name, true
}

// runChunks runs code as cell r and waits for it to end. It reports whether
// the evaluator died.
func (s *Session) runChunks(ctx context.Context, r *run, chunks []program.Chunk, opts cellOptions) (evalproto.Event, bool) {
	timeout := opts.timeout
	if len(chunks) == 0 {
		return evalproto.Event{Status: evalproto.StatusOK}, false
	}
	s.mu.Lock()
	p := s.proc
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	if p == nil || !p.alive() {
		return evalproto.Event{}, true
	}
	if r.wasInterrupted() {
		return evalproto.Event{Status: evalproto.StatusInterrupted}, false
	}
	req := evalproto.Request{Op: evalproto.OpRun, Seq: seq, Cell: r.id, Label: r.label, Timeline: opts.timeline, MaxEvents: opts.traceMax, Explore: opts.explore}
	if req.Timeline == "" {
		req.Timeline = "off"
	}
	for _, c := range chunks {
		req.Chunks = append(req.Chunks, evalproto.Chunk{Src: c.Src, Decl: c.Decl})
	}
	if err := p.send(req); err != nil {
		return evalproto.Event{}, true
	}
	var deadline <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		deadline = t.C
	}
	for {
		select {
		case ev := <-r.done:
			return ev, false
		case <-p.exited:
			// Events sent before the exit may still be in flight.
			select {
			case ev := <-r.done:
				return ev, false
			case <-time.After(100 * time.Millisecond):
			}
			return evalproto.Event{}, true
		case <-deadline:
			deadline = nil
			s.stop(r, p)
		case <-ctx.Done():
			s.stop(r, p)
			ctx = context.Background()
		}
	}
}

// Interrupt stops the running cell (or, the first time, sends a program
// that waits for os.Interrupt the signal: signalInterrupt). If the evaluator does not stop it
// within five seconds, it is killed and the session restored.
//
// The cell is marked first and the evaluator asked second, while runChunks
// sets current first and reads the mark second: so either runChunks sees
// the mark and does not send the cell, or the interrupt sees the cell in
// the evaluator and stops it there.
func (s *Session) Interrupt() {
	if s.signalInterrupt() {
		return
	}
	s.mu.Lock()
	r := s.executing
	s.mu.Unlock()
	if r != nil {
		r.mu.Lock()
		r.interrupted = true
		stopTool := r.stopTool
		r.mu.Unlock()
		if stopTool != nil {
			stopTool()
			return
		}
	}
	s.mu.Lock()
	cur := s.current
	s.mu.Unlock()
	if cur != nil {
		s.interruptRun(cur)
	}
}

// signalInterrupt sends the running cell's program os.Interrupt, as Ctrl-C
// sends a program, if it waits for it (signal.Notify) and this is the
// cell's first interrupt; and reports whether it did.
func (s *Session) signalInterrupt() bool {
	s.mu.Lock()
	r, cur, p := s.executing, s.current, s.proc
	s.mu.Unlock()
	if r == nil || r != cur || p == nil || !p.wantsInterrupt.Load() {
		return false
	}
	r.mu.Lock()
	first := !r.signaled && !r.interrupted && r.stopTool == nil && !r.finished
	r.signaled = true
	r.mu.Unlock()
	if !first {
		return false
	}
	r.streams.write("stderr", "goconc: the interrupt went to the program as os.Interrupt (SIGINT), which it waits for with signal.Notify; interrupt again to stop the cell\n")
	p.send(evalproto.Request{Op: evalproto.OpSignal, Cell: r.id})
	return true
}

func (s *Session) interruptRun(r *run) {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p != nil {
		s.stop(r, p)
	}
}

// stop asks the evaluator to stop r, and kills it if it does not.
func (s *Session) stop(r *run, p *process) { s.stopWith(r, p, false) }

// stopWith is stop; with now, r's goroutines get no grace to stop on
// their own (evalproto.Request.Now).
func (s *Session) stopWith(r *run, p *process, now bool) {
	p.send(evalproto.Request{Op: evalproto.OpInterrupt, Cell: r.id, Now: now})
	go func() {
		select {
		case <-p.exited:
		case <-time.After(5 * time.Second):
			s.mu.Lock()
			still := s.current == r && s.proc == p
			s.mu.Unlock()
			if still {
				s.log.Printf("the evaluator did not stop cell %s within 5s; killing it", r.label)
				p.kill()
			}
		}
	}()
}

func errorReply(ename, evalue string) Reply {
	return Reply{Status: "error", Ename: ename, Evalue: evalue, Traceback: strings.Split(evalue, "\n")}
}

// newImporter is the type checker's view of the packages cells import:
// the interpreter's table, with the types spelled as declared, and the
// packages' imports, for go build's names of packages.
func newImporter() *importer.Importer {
	im := importer.New(symbols.All())
	im.SetSpellings(symbols.Spellings())
	im.SetImports(symbols.Imports())
	return im
}
