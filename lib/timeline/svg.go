package timeline

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/goconc/goconc/lib/trace"
)

// Colours of blocked spans, by reason, and of the rest of the drawing.
var reasonColors = map[trace.Reason]string{
	trace.ChanSend:         "#f28e2b",
	trace.ChanRecv:         "#4e79a7",
	trace.SelectWait:       "#76b7b2",
	trace.MutexLock:        "#e15759",
	trace.RWMutexRLock:     "#ff9d9a",
	trace.WaitGroupWait:    "#59a14f",
	trace.CondWait:         "#b07aa1",
	trace.OnceWait:         "#9c755f",
	trace.Sleeping:         "#bab0ac",
	trace.ContextDone:      "#edc948",
	trace.SemaphoreAcquire: "#d37295",
	trace.FlightWait:       "#8cd17d",
	trace.GroupWait:        "#86bcb6",
}

const (
	colorRun   = "#3b3b3b"
	colorHold  = "#c23b3d"
	colorArrow = "#555555"
	colorText  = "#1f1f1f"
	colorMuted = "#6b6b6b"
	colorPanic = "#d62728"
	// colorAccess marks reads and writes of shared memory in explored
	// runs; colorHighlight, where a run departs from another.
	colorAccess    = "#1f6f8b"
	colorHighlight = "#ff7f0e"
	colorLeak      = "#d62728"
)

// geometry is the layout of a drawing.
type geometry struct {
	width, height   int
	labelW          int
	x0, x1          float64 // the plot's horizontal extent
	axisY, lanesY   int
	laneH           int
	duration        time.Duration
	legendY, notesY int
	dur             func(time.Duration) string // writes a duration of the axis
}

func layout(m *model, width int) geometry {
	g := geometry{width: width, labelW: 230, laneH: 28, duration: m.duration, dur: m.dur}
	g.x0 = float64(g.labelW + 10)
	g.x1 = float64(width - 40)
	g.legendY = 44
	g.axisY = 76
	g.lanesY = 90
	g.notesY = g.lanesY + len(m.lanes)*g.laneH + 16
	g.height = g.notesY + 18*(len(m.notes)+len(m.diag)) + 12
	return g
}

func (g geometry) x(d time.Duration) float64 {
	if g.duration <= 0 {
		return g.x0
	}
	return g.x0 + (g.x1-g.x0)*float64(d)/float64(g.duration)
}

func (g geometry) laneY(i int) float64 { return float64(g.lanesY + i*g.laneH + g.laneH/2) }

// SVG draws t as a static SVG document.
func SVG(t *trace.Trace, opts ...Option) []byte {
	c := configure(opts)
	return drawSVG(build(t, c), c.width)
}

func drawSVG(m *model, width int) []byte {
	g := layout(m, width)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="12">`+"\n",
		g.width, g.height, g.width, g.height)
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", g.width, g.height)
	fmt.Fprintf(&b, `<text x="12" y="22" font-size="15" font-weight="bold" fill="%s">%s</text>`+"\n", colorText, esc(m.title))
	fmt.Fprintf(&b, `<text x="%d" y="22" text-anchor="end" fill="%s">%d goroutines, %s</text>`+"\n", g.width-24, colorMuted, m.goroutines(), m.dur(m.duration))
	drawLegend(&b, m, g)
	drawAxis(&b, g)
	for i, l := range m.lanes {
		drawLane(&b, m, g, i, l)
	}
	drawArrows(&b, m, g)
	y := g.notesY
	for _, n := range m.diag {
		color := colorText
		if strings.Contains(n, "panicked") || strings.Contains(n, "still running") {
			color = colorLeak
		}
		fmt.Fprintf(&b, `<text x="12" y="%d" fill="%s">%s</text>`+"\n", y, color, esc(n))
		y += 18
	}
	for _, n := range m.notes {
		fmt.Fprintf(&b, `<text x="12" y="%d" fill="%s" font-style="italic">%s</text>`+"\n", y, colorMuted, esc(n))
		y += 18
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// drawLegend explains the colours used.
func drawLegend(b *bytes.Buffer, m *model, g geometry) {
	var used [trace.Reasons]bool // a busy lane has tens of thousands of spans: no map
	holds := false
	for _, l := range m.lanes {
		for _, s := range l.blocked {
			used[s.reason] = true
		}
		holds = holds || len(l.holds) > 0
	}
	var reasons []trace.Reason
	for r, ok := range used {
		if ok {
			reasons = append(reasons, trace.Reason(r))
		}
	}
	x := 12.0
	item := func(color, label string, bar bool) {
		if bar {
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="14" height="4" fill="%s"/>`, x, g.legendY+3, color)
		} else {
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="14" height="10" rx="2" fill="%s"/>`, x, g.legendY, color)
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="%s">%s</text>`+"\n", x+18, g.legendY+9, colorText, esc(label))
		x += 26 + 6.5*float64(len(label))
	}
	item(colorRun, "running", true)
	for _, r := range reasons {
		item(reasonColors[r], "blocked: "+r.String(), false)
	}
	if holds {
		item(colorHold, "holds lock", true)
	}
	// Marks of explored runs.
	kinds := map[trace.Kind]bool{}
	for _, l := range m.lanes {
		for _, mk := range l.marks {
			kinds[mk.kind] = true
		}
	}
	glyph := func(svg, label string) {
		fmt.Fprintf(b, svg, x+4, float64(g.legendY+5))
		fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="%s">%s</text>`+"\n", x+18, g.legendY+9, colorText, esc(label))
		x += 26 + 6.5*float64(len(label))
	}
	if kinds[trace.EvAccess] {
		glyph(`<rect x="%.1f" y="%.1f" width="6" height="6" transform="translate(-3 -3)" fill="#ffffff" stroke="`+colorAccess+`"/>`, "read")
		glyph(`<rect x="%.1f" y="%.1f" width="6" height="6" transform="translate(-3 -3)" fill="`+colorAccess+`" stroke="`+colorAccess+`"/>`, "write (value above)")
	}
	if kinds[trace.EvHighlight] {
		glyph(`<circle cx="%.1f" cy="%.1f" r="5" fill="none" stroke="`+colorHighlight+`" stroke-width="2"/>`, "what made this run differ, in order")
	}
}

// drawAxis draws the time axis with ticks at round durations.
func drawAxis(b *bytes.Buffer, g geometry) {
	fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="1"/>`+"\n", g.x0, g.axisY, g.x1, g.axisY, colorMuted)
	step := niceStep(g.duration, int((g.x1-g.x0)/90))
	for d := time.Duration(0); d <= g.duration; d += step {
		x := g.x(d)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>`, x, g.axisY-4, x, g.axisY, colorMuted)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#eeeeee"/>`, x, g.lanesY, x, g.notesY-12)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="middle" fill="%s" font-size="10">%s</text>`+"\n", x, g.axisY-7, colorMuted, g.tick(d))
	}
}

// tick writes the label of an axis tick: a time, or a step number.
func (g geometry) tick(d time.Duration) string {
	if s := g.dur(d); strings.HasSuffix(s, "steps") || strings.HasSuffix(s, "step") {
		return strings.Fields(s)[0]
	}
	return fmtDur(d)
}

// niceStep returns a round tick step giving at most n ticks.
func niceStep(d time.Duration, n int) time.Duration {
	if n < 1 {
		n = 1
	}
	raw := float64(d) / float64(n)
	if raw < 1 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*mag >= raw {
			return time.Duration(f * mag)
		}
	}
	return time.Duration(10 * mag)
}

// drawLane draws one goroutine.
func drawLane(b *bytes.Buffer, m *model, g geometry, i int, l *lane) {
	y := g.laneY(i)
	if i%2 == 1 {
		fmt.Fprintf(b, `<rect x="0" y="%.1f" width="%d" height="%d" fill="#f7f7f7"/>`+"\n", y-float64(g.laneH)/2, g.width, g.laneH)
	}
	label := l.title
	if l.pos != "" {
		label += " @ " + l.pos
	}
	fmt.Fprintf(b, `<text x="12" y="%.1f" fill="%s">%s<title>%s</title></text>`+"\n", y+4, colorText, esc(ellipsis(label, 34)), esc(label))
	x0, x1 := g.x(l.start), g.x(l.end)
	fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"/>`+"\n", x0, y, math.Max(x1, x0+1), y, colorRun)
	// Pixel columns of a busy lane, one path per colour: the legend says
	// what a colour means, and a tooltip or an element each would weigh
	// more than the drawing (a busy cell's SVG travels to the notebook
	// twice, once base64-encoded).
	columns := map[string]*bytes.Buffer{}
	var colors []string
	for _, s := range mergeSpans(l.blocked, g) {
		w := math.Max(g.x(s.to)-g.x(s.from), 1)
		color := reasonColors[s.reason]
		if color == "" {
			color = "#999999"
		}
		if s.summary {
			d := columns[color]
			if d == nil {
				d = &bytes.Buffer{}
				columns[color] = d
				colors = append(colors, color)
			}
			fmt.Fprintf(d, "M%.1f %.1fh%.1fv12h%.1fz", g.x(s.from), y-6, w, -w)
			continue
		}
		label := m.spanLabel(s)
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="12" rx="2" fill="%s"><title>%s, %s</title></rect>`,
			g.x(s.from), y-6, w, color, esc(label), m.dur(s.to-s.from))
		if w > 7*float64(len(label))+6 {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="10" fill="#ffffff">%s</text>`, g.x(s.from)+3, y+3.5, esc(label))
		}
		b.WriteString("\n")
	}
	for _, c := range colors {
		fmt.Fprintf(b, `<path d="%s" fill="%s"/>`+"\n", columns[c].String(), c)
	}
	for _, h := range mergeSpans(l.holds, g) {
		w := math.Max(g.x(h.to)-g.x(h.from), 1)
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="3" fill="%s"><title>holds %s, %s</title></rect>`+"\n",
			g.x(h.from), y+8, w, colorHold, esc(h.label), m.dur(h.to-h.from))
	}
	for _, mk := range l.marks {
		drawMark(b, g.x(mk.at), y, mk)
	}
	if l.running && i > 0 {
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" fill="%s" font-weight="bold">»<title>still running at the end: %s</title></text>`+"\n",
			x1+4, y+4, colorLeak, esc(orRunning(l.finalWhy)))
	}
}

func orRunning(s string) string {
	if s == "" {
		return "running"
	}
	return "blocked on " + s
}

// drawMark draws an instant event.
func drawMark(b *bytes.Buffer, x, y float64, mk mark) {
	switch mk.kind {
	case trace.EvPanic:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="7" fill="%s"><title>%s</title></circle><text x="%.1f" y="%.1f" text-anchor="middle" font-weight="bold" fill="#ffffff">!</text>`+"\n",
			x, y, colorPanic, esc(mk.label), x, y+4)
	case trace.EvDeadlock:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="7" fill="%s"><title>%s</title></circle><rect x="%.1f" y="%.1f" width="8" height="3" fill="#ffffff"/>`+"\n",
			x, y, colorPanic, esc(mk.label), x-4, y-1.5)
	case trace.EvClose:
		fmt.Fprintf(b, `<path d="M%.1f %.1fl6 6m0 -6l-6 6" stroke="%s" stroke-width="2"><title>%s</title></path>`+"\n", x-3, y-9, colorText, esc(mk.label))
	case trace.EvCancel, trace.EvCancelSeen:
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="6" height="6" transform="rotate(45 %.1f %.1f)" fill="#edc948" stroke="%s"><title>%s</title></rect>`+"\n",
			x-3, y-12, x, y-9, colorText, esc(mk.label))
	case trace.EvWaitGroupAdd:
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="9" fill="#2f7a2b">%s<title>%s</title></text>`+"\n", x+1, y-8, esc(lastWord(mk.label)), esc(mk.label))
	case trace.EvRecv:
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="3" fill="none" stroke="%s"><title>%s</title></circle>`+"\n", x, y, colorText, esc(mk.label))
	case trace.EvAccess:
		// A read is a hollow square, a write a filled one; the value
		// read or written above it.
		fill := "#ffffff"
		if strings.HasPrefix(mk.label, "wrote ") {
			fill = colorAccess
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="6" height="6" fill="%s" stroke="%s"><title>%s</title></rect>`+"\n", x-3, y-3, fill, colorAccess, esc(mk.label))
		if _, v, ok := strings.Cut(mk.label, " = "); ok {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="9" fill="%s">%s</text>`+"\n", x, y-6, colorAccess, esc(ellipsis(v, 8)))
		}
	case trace.EvHighlight:
		// Where an explored run departs from another: a ring, numbered
		// in the order of the two operations.
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="9" fill="none" stroke="%s" stroke-width="2.5"><title>%s</title></circle>`+"\n", x, y, colorHighlight, esc(mk.label))
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="10" font-weight="bold" fill="%s">%s</text>`+"\n", x, y+21, colorHighlight, strconv.FormatInt(mk.arg, 10))
	default:
		fmt.Fprintf(b, `<path d="M%.1f %.1fl4 -7l4 7z" fill="#6a3d9a"><title>%s</title></path>`+"\n", x-4, y-4, esc(mk.label))
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="9" fill="#6a3d9a">%s</text>`+"\n", x+5, y-8, esc(ellipsis(mk.label, 24)))
	}
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// drawArrows draws transfers between lanes. A label is written only where
// it does not cover another.
func drawArrows(b *bytes.Buffer, m *model, g geometry) {
	var taken []box
	for _, a := range m.arrows {
		if a.from == a.to && a.label != "go" {
			continue
		}
		x1, y1 := g.x(a.sent), g.laneY(a.from)
		x2, y2 := g.x(a.recvd), g.laneY(a.to)
		if y2 > y1 {
			y1, y2 = y1+4, y2-7
		} else {
			y1, y2 = y1-4, y2+7
		}
		color, dash := colorArrow, ""
		switch {
		case a.handoff:
			color, dash = colorHold, ` stroke-dasharray="3 2"`
		case a.label == "go":
			color, dash = "#9a9a9a", ` stroke-dasharray="1 2"`
		}
		label := m.arrowLabel(a)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"%s><title>%s</title></line>`,
			x1, y1, x2, y2, color, dash, esc(label))
		// Arrow head.
		ang := math.Atan2(y2-y1, x2-x1)
		hx1, hy1 := x2-6*math.Cos(ang-0.4), y2-6*math.Sin(ang-0.4)
		hx2, hy2 := x2-6*math.Cos(ang+0.4), y2-6*math.Sin(ang+0.4)
		fmt.Fprintf(b, `<path d="M%.1f %.1fL%.1f %.1fL%.1f %.1fz" fill="%s"/>`, x2, y2, hx1, hy1, hx2, hy2, color)
		if a.label != "go" {
			text := ellipsis(label, 22)
			lb := box{x: (x1+x2)/2 + 3, y: (y1+y2)/2 - 9, w: 5.5 * float64(len([]rune(text))), h: 11}
			// Keep the label inside the picture.
			lb.x = math.Min(lb.x, float64(g.width)-lb.w-4)
			if !lb.overlapsAny(taken) {
				taken = append(taken, lb)
				fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="9" fill="%s">%s</text>`, lb.x, lb.y+9, colorMuted, esc(text))
			}
		}
		b.WriteString("\n")
	}
}

// box is a rectangle a label takes.
type box struct{ x, y, w, h float64 }

func (a box) overlapsAny(others []box) bool {
	for _, o := range others {
		if a.x < o.x+o.w && o.x < a.x+a.w && a.y < o.y+o.h && o.y < a.y+a.h {
			return true
		}
	}
	return false
}

// denseSpans is how many spans a lane may draw one by one; beyond it, the
// lane is summarized per pixel column.
const denseSpans = 50

// mergeSpans joins spans that would draw narrower than a pixel next to each
// other, so that a busy lane draws at most one rectangle per pixel. A lane
// with very many spans is drawn as a summary: a pixel column shows the
// reason that took most of its time, if blocking took at least a quarter.
func mergeSpans(spans []span, g geometry) []span {
	if len(spans) == 0 {
		return nil
	}
	if len(spans) > denseSpans {
		return summarize(spans, g)
	}
	px := float64(g.duration) / (g.x1 - g.x0)
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.reason == s.reason && float64(s.from-last.to) < px && (float64(last.to-last.from) < px || float64(s.to-s.from) < px) {
				if s.to > last.to {
					last.to = s.to
				}
				if last.obj != s.obj || last.label != s.label {
					last.label = s.reason.String()
				}
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// summarize draws spans per pixel column.
func summarize(spans []span, g geometry) []span {
	cols := int(g.x1-g.x0) + 1
	per := float64(g.duration) / float64(cols)
	type col struct {
		total  float64
		reason [trace.Reasons]float64 // time in each reason: no map, this runs for every span of a busy lane
	}
	hist := make([]col, cols)
	// Columns a span covers whole are counted at its ends and summed
	// once (a lane of many long spans would cost spans x columns).
	whole := make([][trace.Reasons]int32, cols+1)
	end := float64(cols) * per
	add := func(c int, r trace.Reason, t float64) {
		if t > 0 {
			hist[c].total += t
			hist[c].reason[r] += t
		}
	}
	for _, s := range spans {
		from := math.Max(float64(s.from), 0)
		to := math.Min(float64(s.to), end)
		if to <= from {
			continue
		}
		c0 := min(int(from/per), cols-1)
		c1 := min(int(to/per), cols-1)
		if c0 == c1 {
			add(c0, s.reason, to-from)
			continue
		}
		add(c0, s.reason, float64(c0+1)*per-from)
		add(c1, s.reason, to-float64(c1)*per)
		whole[c0+1][s.reason]++
		whole[c1][s.reason]--
	}
	var covering [trace.Reasons]int32
	for c := range hist {
		for r, n := range whole[c] {
			covering[r] += n
			if covering[r] > 0 {
				add(c, trace.Reason(r), float64(covering[r])*per)
			}
		}
	}
	var out []span
	for c := range hist {
		if hist[c].total < per/4 {
			continue
		}
		best, bestT := trace.NotBlocked, -1.0
		for r, t := range hist[c].reason {
			if t > bestT {
				best, bestT = trace.Reason(r), t
			}
		}
		from := time.Duration(float64(c) * per)
		to := time.Duration(float64(c+1) * per)
		if n := len(out); n > 0 && out[n-1].reason == best && out[n-1].to >= from {
			out[n-1].to = to
			continue
		}
		out = append(out, span{from: from, to: to, reason: best, label: best.String() + " (summary)", summary: true})
	}
	return out
}

// esc escapes text for XML content and attributes.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r < 0x20 && r != '\t' {
				b.WriteRune(' ')
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func ellipsis(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
