// Package timeline draws what goroutines did, from a trace recorded by
// package trace: one lane per goroutine (main first, then in start order),
// spans where a goroutine was blocked, coloured by why, the locks it held,
// arrows from each send to the receive that got the value, and marks for
// closes, cancellations, panics and WaitGroup counts. Goroutines still
// running at the end are marked, and listed with what they wait for.
//
// The same drawing comes as SVG (static: no script, no style sheet, every
// label escaped), as text for terminals, and as PNG for viewers that drop
// SVG. A trace of any size draws small: beyond a limit, lanes merge and
// arrows thin out, with a note saying so.
//
//	trace.Start()
//	// ... run concurrent code with goconc's lib ...
//	timeline.WriteHTML("timeline.html", trace.Stop())
package timeline

import (
	"os"
	"time"

	"github.com/goconc/goconc/lib/trace"
)

// Option configures a drawing.
type Option func(*config)

type config struct {
	title string
	width int
	lim   limits
	steps bool
}

// WithTitle sets the title drawn above the timeline.
func WithTitle(title string) Option { return func(c *config) { c.title = title } }

// WithWidth sets the width of the SVG and PNG drawings in pixels.
func WithWidth(px int) Option {
	return func(c *config) {
		if px >= 400 {
			c.width = px
		}
	}
}

// WithStepAxis measures the timeline in steps instead of time: a trace
// recorded with a clock that counts events (trace.WithClock moving one
// microsecond per event), as explored runs are, where the order of events
// matters and their timing does not.
func WithStepAxis() Option { return func(c *config) { c.steps = true } }

// WithMaxLanes sets how many goroutine lanes are drawn before the rest
// merge into one.
func WithMaxLanes(n int) Option {
	return func(c *config) {
		if n >= 2 {
			c.lim.lanes = n
		}
	}
}

func configure(opts []Option) config {
	c := config{title: "goroutine timeline", width: 960, lim: defaultLimits}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Rendering is a timeline drawn both ways.
type Rendering struct {
	SVG  []byte
	Text string
}

// Render draws t as SVG and as text at once, which costs one layout.
func Render(t *trace.Trace, opts ...Option) Rendering {
	c := configure(opts)
	m := build(t, c)
	// The two drawings only read the model: draw them side by side, as a
	// kernel waits for both before the cell may end.
	text := make(chan string, 1)
	go func() { text <- drawText(m) }()
	svg := drawSVG(m, c.width)
	return Rendering{SVG: svg, Text: <-text}
}

// Diagnostics returns what went wrong in t, one finding per line: panics,
// goroutines still running at the end and on what they wait, dropped
// events.
func Diagnostics(t *trace.Trace) []string {
	return build(t, configure(nil)).diag
}

// WriteSVG writes the SVG drawing of t to a file.
func WriteSVG(path string, t *trace.Trace, opts ...Option) error {
	return os.WriteFile(path, SVG(t, opts...), 0o644)
}

// WritePNG writes the PNG drawing of t to a file.
func WritePNG(path string, t *trace.Trace, opts ...Option) error {
	b, err := PNG(t, opts...)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// WriteHTML writes a standalone HTML page showing t to a file.
func WriteHTML(path string, t *trace.Trace, opts ...Option) error {
	return os.WriteFile(path, HTML(t, opts...), 0o644)
}

var _ = time.Second
