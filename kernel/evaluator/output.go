package evaluator

import (
	"regexp"
	"strings"
	"sync"

	"github.com/goconc/goconc/lib/trace"
)

// writer is the interpreter's stdout or stderr. Each write goes to the cell
// that owns the writing goroutine. On stderr it also catches the lines the
// interpreter prints while a panic unwinds ("[5]:3:7: panic: main.f(...)"),
// which become the panic's traceback instead of output.
type writer struct {
	e      *Evaluator
	name   string
	traces bool

	mu     sync.Mutex
	frames map[int64][]Frame
}

// Frame is one interpreted frame of a panic's traceback.
type Frame struct {
	Pos  string // "[5]:3:7"
	Func string // as the interpreter names it: main.f, main.func
}

var panicLine = regexp.MustCompile(`^((?:\S+:)?\d+:\d+): panic: (.*)\(\.\.\.\)\n?$`)

func (w *writer) Write(p []byte) (int, error) {
	g := trace.Current()
	if w.traces {
		if m := panicLine.FindSubmatch(p); m != nil {
			w.mu.Lock()
			if w.frames == nil {
				w.frames = map[int64][]Frame{}
			}
			w.frames[g] = append(w.frames[g], Frame{Pos: strings.TrimSuffix(cleanPositions(string(m[1])+":"), ":"), Func: string(m[2])})
			w.mu.Unlock()
			return len(p), nil
		}
	}
	if w.e.stdio != nil {
		w.e.stdio.sync()
	}
	w.e.stream(w.e.cellOf(trace.LabelOf(g)), w.name, string(p))
	return len(p), nil
}

// stream sends text of a cell's stream, whole characters only
// (wholeRunes).
func (e *Evaluator) stream(cell, name, text string) {
	if text = e.runes.whole(cell, name, text); text != "" {
		e.host.Stream(cell, name, validText(text))
	}
}

// takeFrames returns and forgets the traceback frames of goroutine g.
func (w *writer) takeFrames(g int64) []Frame {
	w.mu.Lock()
	defer w.mu.Unlock()
	f := w.frames[g]
	delete(w.frames, g)
	return f
}

// flush is called before the process exits; writes are not buffered here.
func (w *writer) flush() {}

// cellFrames keeps only frames in cells ("[5]:..."), not in generated code.
func cellFrames(frames []Frame) []Frame {
	var out []Frame
	for _, f := range frames {
		if strings.HasPrefix(f.Pos, "[") {
			out = append(out, f)
		}
	}
	return out
}
