package session

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
)

// process is a running evaluator.
type process struct {
	cmd    *exec.Cmd
	conn   *evalproto.Conn
	reqW   *os.File // the request pipe; closing it asks the evaluator to exit
	names  *os.File // the evaluator's goroutine names (evalproto.NameTable)
	events chan evalproto.Event
	exited chan struct{} // closed when the process has exited
	state  *os.ProcessState

	// wantsInterrupt: the program waits for os.Interrupt (signal.Notify),
	// which an interrupt then sends it.
	wantsInterrupt atomic.Bool

	mu      sync.Mutex
	holding bool
	crash   bytes.Buffer // what the runtime printed when the process died
	heldAt  time.Time    // when the last line of a possible crash report came
}

// Command says how to start an evaluator: the kernel runs its own binary
// with the "evaluator" subcommand.
type Command struct {
	Path string
	Args []string
	Env  []string
}

// raw receives what the evaluator writes directly to its stdout and stderr.
type raw func(stream, text string)

func startProcess(c Command, onRaw raw) (*process, error) {
	// What the evaluator writes before it is ready reaches no cell: it is
	// kept, to say why if the evaluator does not get ready.
	var early startOutput
	toCells := onRaw
	onRaw = func(stream, text string) {
		if !early.add(text) {
			toCells(stream, text)
		}
	}
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	names, err := evalproto.NewNameFile("")
	if err != nil {
		return nil, fmt.Errorf("creating the evaluator's goroutine table: %w", err)
	}
	// The cells' stdio pipes (evalproto.StdioEnv): the evaluator reads
	// them; the supervisor keeps a read end of each, for what is left in
	// them when the evaluator dies.
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.Path, c.Args...)
	cmd.Env = append(append(os.Environ(), c.Env...), fmt.Sprintf("%s=%d", evalproto.NameTableEnv, evalproto.NameTableFD),
		fmt.Sprintf("%s=%d", evalproto.StdioEnv, evalproto.StdioFD))
	// fds 3, 4, evalproto.NameTableFD and the four from evalproto.StdioFD
	// in the child.
	cmd.ExtraFiles = []*os.File{reqR, evW, names, outW, outR, errW, errR}
	// Its own process group: a Ctrl-C for the kernel does not reach it, and
	// killing the group also kills what a cell started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		names.Close()
		for _, f := range []*os.File{outR, outW, errR, errW} {
			f.Close()
		}
		return nil, fmt.Errorf("starting the evaluator: %w", err)
	}
	reqR.Close()
	evW.Close()
	outW.Close()
	errW.Close()
	p := &process{
		names:  names,
		reqW:   reqW,
		cmd:    cmd,
		conn:   evalproto.NewConn(evR, reqW),
		events: make(chan evalproto.Event, 4096),
		exited: make(chan struct{}),
	}
	var readers sync.WaitGroup
	readers.Add(2)
	go func() { defer readers.Done(); p.copyRaw(stdout, "stdout", onRaw) }()
	go func() { defer readers.Done(); p.copyRaw(stderr, "stderr", onRaw) }()
	go func() {
		defer close(p.events)
		for {
			var ev evalproto.Event
			if err := p.conn.Recv(&ev); err != nil {
				return
			}
			p.events <- ev
		}
	}()
	go func() {
		readers.Wait()
		cmd.Wait()
		drainLeft(outR, "stdout", onRaw)
		drainLeft(errR, "stderr", onRaw)
		p.state = cmd.ProcessState
		reqW.Close()
		close(p.exited)
	}()
	select {
	case ev, ok := <-p.events:
		if ok && ev.Kind == evalproto.EvReady {
			early.done()
			return p, nil
		}
		p.kill()
		<-p.exited
		p.forget()
		if ok {
			return nil, fmt.Errorf("the evaluator failed to start: %s", ev.Error)
		}
		return nil, fmt.Errorf("%s while starting: %s", p.exitDescription(), strings.TrimSpace(early.text()+p.crashText()))
	case <-time.After(30 * time.Second):
		p.kill()
		p.forget()
		return nil, errors.New("the evaluator did not start within 30 seconds")
	}
}

// drainLeft forwards what is left in r, the supervisor's read end of one
// of the evaluator's stdio pipes, once the evaluator has died, and closes
// it: the evaluator reads its pipes while it lives, so what is left is
// what compiled code wrote just before it ended the process (a FlagSet's
// usage before its os.Exit). It reads only what is there: a process the
// cell started may still hold the pipe's write end.
func drainLeft(r *os.File, stream string, onRaw raw) {
	defer r.Close()
	if err := r.SetReadDeadline(time.Now().Add(100 * time.Millisecond)); err != nil {
		return
	}
	var left []byte
	buf := make([]byte, 32<<10)
	for len(left) < 4<<20 {
		n, err := r.Read(buf)
		left = append(left, buf[:n]...)
		if err != nil {
			break
		}
	}
	if len(left) > 0 {
		onRaw(stream, string(left))
	}
}

// crashMarkers start what the Go runtime prints when a program dies.
var crashMarkers = []string{"fatal error: ", "panic: ", "runtime: ", "SIGSEGV", "SIGABRT", "unexpected fault address"}

// copyRaw forwards raw output line by line. From the first line that looks
// like the runtime's crash report on, stderr is held back: if the process
// dies it is the crash report; if it lives on, it was output after all.
func (p *process) copyRaw(r io.Reader, stream string, onRaw raw) {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			if stream == "stderr" && p.hold(line, func(text string) { onRaw(stream, text) }) {
				// held
			} else {
				onRaw(stream, line)
			}
		}
		if err != nil {
			return
		}
	}
}

// hold keeps line back if the process may be crashing, and reports whether
// it did. release gets the held text if the process turns out to live on.
func (p *process) hold(line string, release func(string)) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.holding {
		for _, m := range crashMarkers {
			if strings.HasPrefix(line, m) {
				p.holding = true
			}
		}
		if !p.holding {
			return false
		}
		p.releaseWhenQuiet(release)
	}
	p.heldAt = time.Now()
	if p.crash.Len() < 256<<10 {
		p.crash.WriteString(line)
	}
	return true
}

// releaseWhenQuiet gives held text back as output once the process has
// printed nothing for a while and still lives: it was not dying. A dying
// runtime writes its report without pause, but on a loaded machine
// slowly, so the wait restarts with every line; once the report says
// "fatal error" the runtime is surely dying, and the wait is long.
func (p *process) releaseWhenQuiet(release func(string)) {
	const quiet, dying = 2 * time.Second, 30 * time.Second
	var check func()
	check = func() {
		if !p.alive() {
			return
		}
		p.mu.Lock()
		wait := quiet
		if strings.Contains(p.crash.String(), "fatal error: ") {
			wait = dying
		}
		if left := wait - time.Since(p.heldAt); left > 0 {
			p.mu.Unlock()
			time.AfterFunc(left, check)
			return
		}
		text := p.crash.String()
		p.crash.Reset()
		p.holding = false
		p.mu.Unlock()
		release(text)
	}
	time.AfterFunc(quiet, check)
}

func (p *process) send(req evalproto.Request) error { return p.conn.Send(req) }

// shutdown asks the evaluator to exit by closing its requests, and kills
// it if it has not within a second.
func (p *process) shutdown() {
	p.reqW.Close()
	select {
	case <-p.exited:
	case <-time.After(time.Second):
		p.kill()
		<-p.exited
	}
}

// forget closes the files of a process that has ended.
func (p *process) forget() { p.names.Close() }

// goroutineName returns the name and start position of the evaluator's
// goroutine number g, if a cell started it.
func (p *process) goroutineName(g int64) (name, pos string, ok bool) {
	return evalproto.LookupName(p.names, g)
}

// kill ends the process and everything in its process group.
func (p *process) kill() {
	if p.cmd.Process != nil {
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		p.cmd.Process.Kill()
	}
}

// alive reports whether the process still runs.
func (p *process) alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// crashText returns what the runtime printed as the process died.
func (p *process) crashText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.crash.String()
}

// exitDescription says how the process ended.
func (p *process) exitDescription() string {
	if p.state == nil {
		return "the evaluator stopped"
	}
	if ws, ok := p.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		if ws.Signal() == syscall.SIGKILL {
			return "the evaluator was killed (SIGKILL: out of memory, or stopped by goconc)"
		}
		return fmt.Sprintf("the evaluator was killed by signal %v", ws.Signal())
	}
	return fmt.Sprintf("the evaluator exited with status %d", p.state.ExitCode())
}

// startOutput keeps what an evaluator writes while it starts, up to
// startOutputMost bytes, the last ones.
type startOutput struct {
	mu    sync.Mutex
	b     []byte
	ready bool
}

const startOutputMost = 4 << 10

// add keeps text and reports true while the evaluator is starting.
func (o *startOutput) add(text string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.ready {
		return false
	}
	o.b = append(o.b, text...)
	if len(o.b) > startOutputMost {
		o.b = o.b[len(o.b)-startOutputMost:]
	}
	return true
}

// done ends the start: later output goes to the cells.
func (o *startOutput) done() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ready = true
}

func (o *startOutput) text() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return string(o.b)
}
