package evaluator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/program"
)

// processStderr is the evaluator's own stderr, for its diagnostics, which
// the kernel reads (os.Stderr is the cells' once Serve runs).
var processStderr = os.Stderr

// Serve runs the evaluator side of the protocol: it reads requests from in
// and writes events to out until in closes.
func Serve(in io.Reader, out io.Writer) error {
	// Interrupts come as requests; a Ctrl-C meant for the kernel's process
	// group must not kill the evaluator.
	signal.Ignore(os.Interrupt)
	cellsLogProcess = true
	// The evaluator allocates fast while recording; a process of its own
	// can trade memory for fewer collections.
	debug.SetGCPercent(300)
	// For goconc's developers: profile the evaluator.
	if path := os.Getenv("GOCONC_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	conn := evalproto.NewConn(in, out)
	h := &remoteHost{conn: conn, answers: map[int]chan evalproto.Request{}}
	e, err := New(h)
	if err != nil {
		conn.Send(evalproto.Event{Kind: evalproto.EvDone, Status: evalproto.StatusCompile, Error: err.Error()})
		return err
	}
	// Compiled code writes to the process's own os.Stdout and os.Stderr
	// (the tour's wc.Test, flag's usage): make them the cells' pipes, so
	// that what it writes comes in order with the cell's output, and
	// before the cell ends, not whenever the kernel reads the process's
	// streams (it came after the cell had ended, and went nowhere).
	os.Stdout, os.Stderr = e.stdio.out, e.stdio.er
	if fd := os.Getenv(evalproto.NameTableEnv); fd != "" {
		e.names, err = mapNames(fd)
		if err != nil {
			fmt.Fprintln(processStderr, "goconc: crash reports will not name goroutines:", err)
		}
	}
	e.signals.report = func(wanted bool) {
		conn.Send(evalproto.Event{Kind: evalproto.EvSignals, Interrupt: wanted})
	}
	limit, err := memoryLimit()
	if err != nil {
		conn.Send(evalproto.Event{Kind: evalproto.EvDone, Status: evalproto.StatusCompile, Error: err.Error()})
		return err
	}
	go e.watchMemory(limit)
	s := &server{e: e, conn: conn, runs: make(chan evalproto.Request, 64), memory: &memoryReturn{free: debug.FreeOSMemory}}
	go s.runLoop()
	if err := conn.Send(evalproto.Event{Kind: evalproto.EvReady}); err != nil {
		return err
	}
	for {
		var req evalproto.Request
		if err := conn.Recv(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading a request: %w", err)
		}
		switch req.Op {
		case evalproto.OpRun:
			s.runs <- req
		case evalproto.OpInterrupt:
			s.interrupt(req.Cell, req.Now)
		case evalproto.OpSignal:
			if !s.e.signals.interrupt() {
				s.interrupt(req.Cell, false) // no longer waited for: stop the cell
			}
		case evalproto.OpInput:
			h.answer(req)
		case evalproto.OpState:
			conn.Send(evalproto.Event{Kind: evalproto.EvState, Goroutines: States()})
		}
	}
}

type server struct {
	e    *Evaluator
	conn *evalproto.Conn
	runs chan evalproto.Request

	memory *memoryReturn

	mu      sync.Mutex
	running string // the cell running now
}

// interrupt stops cell, or the running cell if cell is "". A cell that was
// sent but has not started yet (the interrupt overtook it on its way to
// the run loop) starts stopped. A cell blocked reading standard input gets
// end of file.
func (s *server) interrupt(cell string, now bool) {
	s.mu.Lock()
	running := s.running
	s.mu.Unlock()
	if cell == "" {
		cell = running
	}
	if cell == "" {
		return
	}
	if now {
		s.e.stops.stop(cell, 0)
	} else {
		s.e.Interrupt(cell)
	}
	if cell == running {
		s.e.input.eof()
	}
}

func (s *server) runLoop() {
	for req := range s.runs {
		s.mu.Lock()
		s.running = req.Cell
		s.mu.Unlock()
		chunks := make([]program.Chunk, len(req.Chunks))
		for i, c := range req.Chunks {
			chunks[i] = program.Chunk{Src: c.Src, Decl: c.Decl}
		}
		opts := RunOptions{Label: req.Label, Timeline: req.Timeline, MaxEvents: req.MaxEvents}
		if x := req.Explore; x != nil {
			opts.Explore = &ExploreOptions{Schedules: x.Schedules, Seed: x.Seed, Budget: time.Duration(x.BudgetMS) * time.Millisecond, MaxSteps: x.MaxSteps, Replay: x.Replay, Expect: x.Expect}
			for _, c := range x.Restore {
				opts.Explore.Restore = append(opts.Explore.Restore, program.Chunk{Src: c.Src, Decl: c.Decl})
			}
		}
		done, err := s.e.Run(context.Background(), req.Cell, chunks, opts)
		s.mu.Lock()
		s.running = ""
		s.mu.Unlock()
		if err != nil {
			s.e.signals.forget(req.Cell)
		}
		ev := evalproto.Event{Kind: evalproto.EvDone, Seq: req.Seq, Cell: req.Cell, Done: done, Status: evalproto.StatusOK}
		var pr *PanicReport
		var ce *CompileError
		var de *DeadlockError
		var me *MemoryError
		var cut *CutError
		var expect *ExpectError
		switch {
		case errors.As(err, &cut):
			ev.Status, ev.Error = evalproto.StatusCut, cut.Error()
		case errors.As(err, &expect):
			ev.Status, ev.Error = evalproto.StatusExpect, expect.Error()
		case err == nil:
			ev.Goroutines = s.e.Leaks(req.Cell)
		case errors.As(err, &de):
			ev.Status, ev.Goroutines = evalproto.StatusDeadlock, de.Goroutines
		case errors.As(err, &me):
			ev.Status, ev.Error = evalproto.StatusMemory, me.Error()+
				fmt.Sprintf(" (%d goroutines were alive). Set GOCONC_MEMORY_LIMIT to change the limit.", me.Goroutines)
		case errors.Is(err, ErrInterrupted):
			ev.Status = evalproto.StatusInterrupted
		case errors.As(err, &pr):
			ev.Status = evalproto.StatusPanic
			ev.Panic = pr.proto()
		case errors.As(err, &ce):
			ev.Status, ev.Error = evalproto.StatusCompile, ce.Msg
		default:
			ev.Status, ev.Error = evalproto.StatusCompile, err.Error()
		}
		s.conn.Send(ev)
		// After the reply: the next cell need not wait for it.
		go s.memory.afterCell()
	}
}

func (p *PanicReport) proto() *evalproto.Panic {
	out := &evalproto.Panic{Value: p.Value, Goroutine: p.Goroutine, StartedAt: p.StartedAt}
	for _, f := range p.Frames {
		out.Frames = append(out.Frames, evalproto.Frame{Pos: f.Pos, Func: f.Func})
	}
	return out
}

// remoteHost sends everything to the supervisor.
type remoteHost struct {
	conn *evalproto.Conn

	mu      sync.Mutex
	seq     int
	answers map[int]chan evalproto.Request
}

// Input asks the supervisor for a line of input and waits for the answer.
func (h *remoteHost) Input(cell string) (string, error) {
	h.mu.Lock()
	h.seq++
	seq := h.seq
	c := make(chan evalproto.Request, 1)
	h.answers[seq] = c
	h.mu.Unlock()
	if err := h.conn.Send(evalproto.Event{Kind: evalproto.EvInput, Seq: seq, Cell: cell}); err != nil {
		return "", err
	}
	a := <-c
	if a.Error != "" {
		return "", errors.New(a.Error)
	}
	return a.Input, nil
}

func (h *remoteHost) answer(req evalproto.Request) {
	h.mu.Lock()
	c := h.answers[req.Seq]
	delete(h.answers, req.Seq)
	h.mu.Unlock()
	if c != nil {
		c <- req
	}
}

func (h *remoteHost) Stream(cell, name, text string) {
	h.conn.Send(evalproto.Event{Kind: evalproto.EvStream, Cell: cell, Name: name, Text: text})
}

func (h *remoteHost) Display(cell string, d display.Data, update bool) {
	h.conn.Send(evalproto.Event{Kind: evalproto.EvDisplay, Cell: cell, Data: jsonable(d.Data), Metadata: jsonable(d.Metadata), Transient: d.Transient, Update: update})
}

func (h *remoteHost) Clear(cell string, wait bool) {
	h.conn.Send(evalproto.Event{Kind: evalproto.EvClear, Cell: cell, Wait: wait})
}

func (h *remoteHost) Result(cell string, d display.Data) {
	h.conn.Send(evalproto.Event{Kind: evalproto.EvResult, Cell: cell, Data: jsonable(d.Data), Metadata: jsonable(d.Metadata)})
}

func (h *remoteHost) Panic(cell string, p *PanicReport) {
	h.conn.Send(evalproto.Event{Kind: evalproto.EvPanic, Cell: cell, Panic: p.proto()})
}

// jsonable makes a MIME bundle safe to encode: values JSON cannot hold
// are replaced by their text.
func jsonable(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		if _, err := json.Marshal(v); err != nil {
			v = fmt.Sprint(v)
		}
		out[k] = v
	}
	return out
}

// mapNames maps the goroutine name table the supervisor opened at
// descriptor fd, and closes the descriptor, which a cell's commands would
// inherit.
func mapNames(fd string) (*evalproto.NameTable, error) {
	n, err := strconv.Atoi(fd)
	if err != nil {
		return nil, fmt.Errorf("%s=%q is not a file descriptor", evalproto.NameTableEnv, fd)
	}
	f := os.NewFile(uintptr(n), "goroutine names")
	defer f.Close()
	return evalproto.MapNameTable(f)
}
