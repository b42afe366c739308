package evaluator

import (
	"encoding/base64"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/lib/timeline"
	"github.com/goconc/goconc/lib/trace"
)

// RunOptions say how a cell runs.
type RunOptions struct {
	Label     string // the cell's label in positions, "[5]"
	Timeline  string // "auto" (when the cell uses concurrency), "on" or "off"
	MaxEvents int    // cap on the cell's trace
	// Explore, if set, runs the cell's statements under many schedules
	// (see exploreCell), or under one replayed schedule.
	Explore *ExploreOptions
}

// liveAfter is how long a cell runs before its timeline appears and then
// updates in place; updates come at most this often.
const liveAfter = 500 * time.Millisecond

// liveShare bounds the share of the time that live updates take: an
// update of a trace of many events takes long (it draws them all), and
// the next waits liveShare times as long, so that the cell's own work
// keeps nearly all of the machine.
const liveShare = 10

// recording traces one cell and shows its timeline.
type recording struct {
	e      *Evaluator
	cell   string
	opts   RunOptions
	id     string
	stop   chan struct{}
	done   sync.WaitGroup
	mu     sync.Mutex
	shown  bool         // a live timeline is on screen
	frozen *trace.Trace // recording ended early (a deadlock): the timeline to show
	// discarded: no timeline at all (see discard)
	discarded bool
}

// discard ends the recording and drops what it holds: a cell stopped for
// its memory shows no timeline.
func (r *recording) discard() {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	trace.Stop()
	trace.Reset()
	r.frozen = &trace.Trace{}
	r.discarded = true
}

// freeze ends the recording now; the cell's timeline shows what happened
// until then.
func (r *recording) freeze() {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.frozen == nil {
		r.frozen = trace.Stop()
	}
}

func (e *Evaluator) startRecording(cell string, opts RunOptions) *recording {
	if opts.Timeline == "off" {
		return nil
	}
	max := opts.MaxEvents
	if max <= 0 {
		max = trace.DefaultMaxEvents
	}
	topts := []trace.Option{trace.WithMaxEvents(max)}
	if opts.Explore != nil {
		// A replayed schedule draws the same timeline every time.
		topts = append(topts, stepClock())
	} else if os.Getenv("GOCONC_TRACE_CLOCK") == "step" {
		// For golden tests: time advances 100µs per event, so that a
		// timeline depends only on the order of events.
		var mu sync.Mutex
		var now time.Duration
		topts = append(topts, trace.WithClock(func() time.Duration {
			mu.Lock()
			defer mu.Unlock()
			now += 100 * time.Microsecond
			return now
		}))
	}
	trace.Start(topts...)
	r := &recording{e: e, cell: cell, opts: opts, id: "goconc-timeline-" + cell, stop: make(chan struct{})}
	r.done.Add(1)
	go r.live()
	return r
}

// live shows the timeline of a cell that runs long, and updates it.
func (r *recording) live() {
	defer r.done.Done()
	t := time.NewTimer(liveAfter)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
		}
		r.mu.Lock()
		frozen, shown := r.frozen != nil, r.shown
		r.mu.Unlock()
		if frozen {
			return
		}
		if shown && trace.Full() {
			// Nothing new would be drawn, and a snapshot of a full
			// trace is a copy of every event, which the cell's own
			// measures of its memory would see (Go's test/chan/select2.go
			// reads its heap between two runs of 100,000 selects).
			t.Reset(liveAfter)
			continue
		}
		start := time.Now()
		snap := trace.Snapshot()
		if r.wanted(snap) {
			r.mu.Lock()
			update := r.shown
			r.shown = true
			r.mu.Unlock()
			r.e.host.Display(r.cell, r.data(snap, true), update)
		}
		t.Reset(max(liveAfter, liveShare*time.Since(start)))
	}
}

// finish stops recording and shows the final timeline.
func (r *recording) finish() {
	if r == nil {
		return
	}
	close(r.stop)
	r.done.Wait()
	r.freeze()
	r.mu.Lock()
	shown, t, discarded := r.shown, r.frozen, r.discarded
	r.mu.Unlock()
	if discarded {
		if shown { // the live timeline on screen says why it stopped
			note := "(the timeline was dropped with the cell's memory)"
			r.e.host.Display(r.cell, display.Data{
				Data:      display.MIMEMap{"text/plain": note, "text/html": "<i>" + note + "</i>"},
				Metadata:  display.MIMEMap{},
				Transient: display.MIMEMap{"display_id": r.id},
			}, true)
		}
		return
	}
	if shown {
		r.e.host.Display(r.cell, r.data(t, false), true)
		return
	}
	if r.wanted(t) {
		r.e.host.Display(r.cell, r.data(t, false), false)
	}
}

// wanted says whether a trace deserves a timeline: in auto mode, when more
// than one goroutine acted.
func (r *recording) wanted(t *trace.Trace) bool {
	if r.opts.Timeline == "on" {
		return true
	}
	return len(t.Goroutines) > 1
}

// data renders t as the cell's timeline display.
func (r *recording) data(t *trace.Trace, running bool) display.Data {
	title := "goroutine timeline of cell " + r.opts.Label
	if running {
		title += " (running…)"
	}
	opts := []timeline.Option{timeline.WithTitle(title)}
	if r.opts.Explore != nil {
		opts = append(opts, timeline.WithStepAxis())
	}
	return timelineDisplay(t, r.id, opts...)
}

// timelineDisplay renders t as one display with display id id: text/html
// with the SVG as a data-URI image (shown even by untrusted notebooks), the
// raw SVG, and text.
func timelineDisplay(t *trace.Trace, id string, opts ...timeline.Option) display.Data {
	drawn := timeline.Render(t, opts...)
	svg := drawn.SVG
	html := fmt.Sprintf(`<img src="data:image/svg+xml;base64,%s" width="%d" height="%d" alt="%s"/>`,
		base64.StdEncoding.EncodeToString(svg), svgWidth(svg), svgHeight(svg), "goroutine timeline")
	return display.Data{
		Data: display.MIMEMap{
			"text/html":     html,
			"image/svg+xml": string(svg),
			"text/plain":    drawn.Text,
		},
		Metadata:  display.MIMEMap{},
		Transient: display.MIMEMap{"display_id": id},
	}
}

func svgWidth(svg []byte) int {
	var w, h int
	fmt.Sscanf(string(svg), `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"`, &w, &h)
	return w
}

func svgHeight(svg []byte) int {
	var w, h int
	fmt.Sscanf(string(svg), `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"`, &w, &h)
	return h
}

// host lets lib's primitives stop goroutines of interrupted cells, and
// report panics of goroutines they started.
type traceHost struct{ e *Evaluator }

func (h traceHost) Stop() <-chan struct{} { return h.e.stopChan() }
func (h traceHost) Entered(g int64, name, pos string) {
	h.e.names.Put(g, name, pos)
}
func (h traceHost) Halt() { panic(halted{}) }

// PanicText words a panic value for the trace as the Go runtime would.
func (h traceHost) PanicText(v any) string { return panicValue(v) }

func (h traceHost) Panicked(v any) {
	if _, stopped := v.(halted); stopped {
		return
	}
	g := trace.Current()
	var name, pos string
	for _, s := range trace.States() {
		if s.G == g {
			name, pos = s.Name, s.Pos
		}
	}
	cell := h.e.goroutineCell()
	h.e.host.Panic(cell, h.e.panicReport(cell, g, name, pos, v, false))
	h.e.panicReported(cell)
}
