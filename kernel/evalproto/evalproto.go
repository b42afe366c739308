// Package evalproto is the protocol between the kernel's supervisor and its
// evaluator process: JSON messages, one per line, requests on one pipe and
// events on another. Both sides use Conn.
package evalproto

import (
	"bufio"
	"encoding/json"
	"io"
	"sync"
)

// Request ops.
const (
	OpRun       = "run"       // run Chunks as cell Cell
	OpInterrupt = "interrupt" // stop cell Cell (the running one if Cell is ""), even if it has not started yet
	OpInput     = "input"     // the user's answer to an input request
	OpState     = "state"     // report every goroutine's state
	// OpSignal sends the program os.Interrupt, as Ctrl-C does: the
	// evaluator said (EvSignals) that the program waits for it.
	OpSignal = "signal"
)

// Chunk is code for one Eval.
type Chunk struct {
	Src  string `json:"src"`
	Decl bool   `json:"decl,omitempty"`
}

// Request is sent by the supervisor.
type Request struct {
	Op     string  `json:"op"`
	Seq    int     `json:"seq,omitempty"`
	Cell   string  `json:"cell,omitempty"`
	Chunks []Chunk `json:"chunks,omitempty"`
	Input  string  `json:"input,omitempty"`
	Error  string  `json:"error,omitempty"` // the user cannot answer an input request
	// Now stops an interrupted cell's goroutines at once, with no grace
	// for code that watches its context: one of them panicked, and a Go
	// program ends there.
	Now bool `json:"now,omitempty"`
	// Options of a run.
	Label     string `json:"label,omitempty"`      // the cell's label, "[5]"
	Timeline  string `json:"timeline,omitempty"`   // auto, on or off
	MaxEvents int    `json:"max_events,omitempty"` // cap on the trace
	// Explore runs the cell under many schedules, or one (%%explore).
	Explore *Explore `json:"explore,omitempty"`
}

// Explore says how to explore a cell: run its statements under Schedules
// schedules seeded with Seed, for at most BudgetMS milliseconds, each cut
// after MaxSteps scheduling points; or, with Replay, once under the
// schedule that token names.
type Explore struct {
	Schedules int    `json:"schedules,omitempty"`
	Seed      uint64 `json:"seed,omitempty"`
	BudgetMS  int64  `json:"budget_ms,omitempty"`
	MaxSteps  int    `json:"max_steps,omitempty"`
	Replay    string `json:"replay,omitempty"`
	Expect    int    `json:"expect,omitempty"` // the cell fails unless it has that many outcomes
	// Restore runs after the cell: the notebook's functions without the
	// scheduling points the cell gave them.
	Restore []Chunk `json:"restore,omitempty"`
}

// Event kinds.
const (
	EvReady   = "ready"   // the evaluator is up
	EvStream  = "stream"  // Name (stdout/stderr), Text
	EvDisplay = "display" // Data, Metadata, Transient; Update for update_display_data
	EvClear   = "clear"   // Wait
	EvResult  = "result"  // Data, Metadata: the cell's value
	EvPanic   = "panic"   // a goroutine of Cell panicked: Panic
	EvDone    = "done"    // the run Seq ended: Status, Done, Error, Panic; Goroutines: a deadlock's, or those the cell leaked
	EvInput   = "input"   // a cell reads stdin: Prompt
	EvState   = "state"   // Goroutines
	EvSignals = "signals" // whether the program now waits for os.Interrupt (signal.Notify): Interrupt
)

// Done statuses.
const (
	StatusOK          = "ok"
	StatusCompile     = "compile"     // the interpreter rejected the code
	StatusPanic       = "panic"       // the cell's statements panicked
	StatusInterrupted = "interrupted" // stopped by an interrupt
	StatusDeadlock    = "deadlock"    // every goroutine waited for another: Goroutines; the cell was stopped
	StatusMemory      = "memory"      // the cell was stopped for using too much memory: Error
	StatusCut         = "cut"         // a replayed schedule passed its scheduling points without ending: Error
	StatusExpect      = "expect"      // an exploration found another number of outcomes than the cell expects: Error
)

// Frame is an interpreted frame of a panic.
type Frame struct {
	Pos  string `json:"pos"`
	Func string `json:"func"`
}

// Panic describes a panic.
type Panic struct {
	Value     string  `json:"value"`
	Goroutine string  `json:"goroutine,omitempty"`
	StartedAt string  `json:"started_at,omitempty"`
	Frames    []Frame `json:"frames,omitempty"`
}

// Goroutine is a goroutine's state, for leak and deadlock reports.
type Goroutine struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Pos    string `json:"pos,omitempty"`
	Cell   string `json:"cell,omitempty"`
	Reason string `json:"reason,omitempty"` // empty if running
	Timed  bool   `json:"timed,omitempty"`
	Object string `json:"object,omitempty"`
	Where  string `json:"where,omitempty"`
	For    int64  `json:"for_ms,omitempty"` // how long it has been blocked
}

// Event is sent by the evaluator.
type Event struct {
	Kind      string         `json:"kind"`
	Seq       int            `json:"seq,omitempty"`
	Cell      string         `json:"cell,omitempty"`
	Name      string         `json:"name,omitempty"`
	Text      string         `json:"text,omitempty"`
	Data      map[string]any `json:"data,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
	Transient map[string]any `json:"transient,omitempty"`
	Update    bool           `json:"update,omitempty"`
	Wait      bool           `json:"wait,omitempty"`
	Status    string         `json:"status,omitempty"`
	Done      int            `json:"done,omitempty"`
	Error     string         `json:"error,omitempty"`
	Panic     *Panic         `json:"panic,omitempty"`
	Prompt    string         `json:"prompt,omitempty"`
	Password  bool           `json:"password,omitempty"`
	Interrupt bool           `json:"interrupt,omitempty"`

	Goroutines []Goroutine `json:"goroutines,omitempty"`
}

// Conn reads and writes messages on a pair of streams. Send is safe for
// concurrent use.
type Conn struct {
	mu  sync.Mutex
	enc *json.Encoder
	w   *bufio.Writer
	dec *json.Decoder
}

// NewConn returns a Conn reading r and writing w.
func NewConn(r io.Reader, w io.Writer) *Conn {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // SVG and HTML outputs stay compact
	return &Conn{w: bw, enc: enc, dec: json.NewDecoder(bufio.NewReaderSize(r, 64<<10))}
}

// Send writes one message and flushes it.
func (c *Conn) Send(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.enc.Encode(v); err != nil {
		return err
	}
	return c.w.Flush()
}

// Recv reads one message into v.
func (c *Conn) Recv(v any) error { return c.dec.Decode(v) }
