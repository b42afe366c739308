package evaluator

import (
	"io"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/lib/explore"
)

// router is the Host the evaluator reports to: it passes everything to
// the kernel's host, except what the schedules of an exploration produce,
// which it keeps, schedule by schedule, for the exploration to compare.
// Each schedule runs as a cell of its own ("c5~17"), so that its
// goroutines' output, panics and stop channel are its own.
type router struct {
	Host

	mu       sync.Mutex
	captures map[string]*capture
}

func newRouter(h Host) *router { return &router{Host: h, captures: map[string]*capture{}} }

// capture is what one schedule produced.
type capture struct {
	run *explore.Run

	mu     sync.Mutex
	out    strings.Builder // stdout and stderr as they came, stderr lines marked
	stdout strings.Builder
	result string
	panic  *PanicReport
}

// capture starts keeping what cell produces while run lasts.
func (r *router) capture(cell string, run *explore.Run) *capture {
	c := &capture{run: run}
	r.mu.Lock()
	r.captures[cell] = c
	r.mu.Unlock()
	return c
}

// release stops keeping what cell produces: it is dropped from then on
// (the goroutines of a schedule that ended may still be unwinding).
func (r *router) release(cell string) {
	r.mu.Lock()
	r.captures[cell] = nil
	r.mu.Unlock()
}

// forget drops cell's entry once nothing of it can run any more.
func (r *router) forget(cell string) {
	r.mu.Lock()
	delete(r.captures, cell)
	r.mu.Unlock()
}

// of returns the capture of cell and whether cell is a schedule's at all.
func (r *router) of(cell string) (*capture, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.captures[cell]
	return c, ok
}

// live reports whether c still takes output: once its run is over, what
// its goroutines print while they unwind is not part of what it did (a
// program's other goroutines print nothing after main returned).
func (c *capture) live() bool { return c != nil && !c.run.Over() }

func (r *router) Stream(cell, name, text string) {
	c, ok := r.of(cell)
	if !ok {
		r.Host.Stream(cell, name, text)
		return
	}
	if !c.live() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if name == "stdout" {
		c.stdout.WriteString(text)
		c.out.WriteString(text)
		return
	}
	c.out.WriteString(MarkStderr(text))
}

// MarkStderr marks each line of standard error ("stderr: ..."), as an
// explored outcome's output holds it, so that it shows which stream
// printed what.
func MarkStderr(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString("stderr: " + l)
		}
	}
	return b.String()
}

func (r *router) Display(cell string, d display.Data, update bool) {
	c, ok := r.of(cell)
	if !ok {
		r.Host.Display(cell, d, update)
		return
	}
	if !c.live() {
		return
	}
	if text, ok := d.Data[display.MIMETypeText].(string); ok {
		c.mu.Lock()
		c.out.WriteString("display: " + text + "\n")
		c.mu.Unlock()
	}
}

func (r *router) Clear(cell string, wait bool) {
	if _, ok := r.of(cell); !ok {
		r.Host.Clear(cell, wait)
	}
}

func (r *router) Result(cell string, d display.Data) {
	c, ok := r.of(cell)
	if !ok {
		r.Host.Result(cell, d)
		return
	}
	if !c.live() {
		return
	}
	text, _ := d.Data[display.MIMETypeText].(string)
	c.mu.Lock()
	c.result = text
	c.mu.Unlock()
}

// Panic keeps the first panic of a schedule: it ended the schedule (see
// explore.Exit), so it arrives when the run is over already.
func (r *router) Panic(cell string, p *PanicReport) {
	c, ok := r.of(cell)
	if !ok {
		r.Host.Panic(cell, p)
		return
	}
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.panic == nil {
		c.panic = p
	}
}

// Input gives a schedule end of file: an exploration runs a cell many
// times, and cannot ask the user each time.
func (r *router) Input(cell string) (string, error) {
	if _, ok := r.of(cell); ok {
		return "", io.EOF
	}
	return r.Host.Input(cell)
}
