package timeline

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/goconc/goconc/lib/trace"
)

// model is a trace laid out for drawing: what each lane shows and where.
type model struct {
	title    string
	duration time.Duration
	lanes    []*lane
	arrows   []arrow
	notes    []string // what was merged or left out, and why
	diag     []string // leaks, deadlocks, panics, dropped events
	// arrowsMade counts the arrows of the trace; arrows holds those drawn.
	arrowsMade int
	// merged is how many goroutines the trace had when some share the
	// last lane (lanes holds fewer); 0 when each has its own.
	merged  int
	objects map[trace.ObjectID]trace.Object
	steps   bool // durations are counts of events (WithStepAxis)
}

// goroutines is how many goroutines the timeline shows, in lanes of their
// own or sharing the last one.
func (m *model) goroutines() int {
	if m.merged > 0 {
		return m.merged
	}
	return len(m.lanes)
}

// dur writes a duration of the timeline: a time, or a number of steps.
func (m *model) dur(d time.Duration) string {
	if m.steps {
		return fmtSteps(d)
	}
	return fmtDur(d)
}

// fmtSteps writes a duration of a step clock (a microsecond per event).
func fmtSteps(d time.Duration) string {
	n := int64(d / time.Microsecond)
	if n == 1 {
		return "1 step"
	}
	return fmt.Sprintf("%d steps", n)
}

// lane is one goroutine.
type lane struct {
	id       int64
	title    string
	pos      string
	start    time.Duration // when the lane begins (0 if before the trace)
	end      time.Duration // when it ends (duration if still running)
	running  bool          // still running at the end
	blocked  []span
	holds    []span // locks held
	marks    []mark
	finalWhy string // what it is blocked on at the end, if anything
	finalOn  trace.ObjectID
	events   int
}

// span is a time interval of a lane with a kind and a label. The label of
// a blocked span is made only when it is drawn (see spanLabel): a busy
// trace has many thousands of spans, and few are drawn one by one.
type span struct {
	from, to time.Duration
	reason   trace.Reason
	obj      trace.ObjectID
	label    string
	open     bool // not ended when the trace ended
	summary  bool // a pixel column of a busy lane (see summarize)
}

// spanLabel returns what a span says.
func (m *model) spanLabel(s span) string {
	if s.label != "" {
		return s.label
	}
	return describeBlock(s.reason, objectName(m.objects, s.obj))
}

// mark is an instant event on a lane.
type mark struct {
	at    time.Duration
	kind  trace.Kind
	label string
	arg   int64 // the event's Arg: a highlight's number
}

// arrow is a value going from one lane to another.
type arrow struct {
	from, to    int // lane indexes
	sent, recvd time.Duration
	label       string
	obj         trace.ObjectID // for a channel transfer: the channel...
	value       string         // ...and the value; the label is made when drawn
	handoff     bool           // a lock handed from one goroutine to another
}

// arrowLabel returns what an arrow says.
func (m *model) arrowLabel(a arrow) string {
	if a.label != "" {
		return a.label
	}
	label := objectName(m.objects, a.obj)
	if a.value != "" {
		label += ": " + a.value
	}
	return label
}

// limits keep the drawing small whatever the trace holds.
type limits struct {
	lanes, arrows, marksPerLane, spansPerLane int
}

var defaultLimits = limits{lanes: 40, arrows: 150, marksPerLane: 200, spansPerLane: 2000}

func objectName(objs map[trace.ObjectID]trace.Object, id trace.ObjectID) string {
	if o, ok := objs[id]; ok {
		return o.Name
	}
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("object%d", id)
}

// build makes the model of t.
func build(t *trace.Trace, c config) *model {
	title, lim := c.title, c.lim
	m := &model{title: title, duration: t.Duration, objects: map[trace.ObjectID]trace.Object{}, steps: c.steps}
	if m.duration <= 0 {
		m.duration = 1
	}
	for _, o := range t.Objects {
		m.objects[o.ID] = o
	}
	index := map[int64]int{}
	unnamed := 0
	for _, g := range t.Goroutines {
		l := &lane{id: g.ID, title: g.Name, pos: g.Pos, start: max(g.Start, 0), end: m.duration}
		if l.title == "" {
			unnamed++
			l.title = fmt.Sprintf("goroutine #%d", unnamed)
		}
		if g.End >= 0 {
			l.end = g.End
		} else {
			l.running = true
			if g.Blocked != trace.NotBlocked {
				l.finalOn = g.BlockedOn
				l.finalWhy = describeBlock(g.Blocked, objectName(m.objects, g.BlockedOn))
				if g.BlockedAt != "" {
					l.finalWhy += " at " + g.BlockedAt
				}
			}
		}
		index[g.ID] = len(m.lanes)
		m.lanes = append(m.lanes, l)
	}
	laneIdx := laneIndex(index)
	// What each lane is doing, by lane index: its open blocked span, and
	// what it last waited for, to tell a contended lock (handed over) from
	// a free one.
	type laneState struct {
		open     bool
		span     span
		waitObj  trace.ObjectID
		waitedAt time.Duration
	}
	states := make([]laneState, len(m.lanes))
	type hold struct {
		lane *lane
		from time.Duration
		read bool
	}
	// What the walk knows of one lock: who holds it now, who released it
	// last. A lock-heavy cell uses one or two locks for thousands of
	// events: remember the last one looked up.
	type lockState struct {
		label      string
		holds      []hold
		unlocked   bool // by unlockLane at unlockAt
		unlockLane int
		unlockAt   time.Duration
	}
	locks := map[trace.ObjectID]*lockState{}
	lastObj, last := trace.ObjectID(0), (*lockState)(nil)
	lockOf := func(obj trace.ObjectID) *lockState {
		if last == nil || obj != lastObj {
			last = locks[obj]
			if last == nil {
				last = &lockState{label: objectName(m.objects, obj)}
				locks[obj] = last
			}
			lastObj = obj
		}
		return last
	}
	type send struct {
		lane int
		at   time.Duration
		text string
	}
	// A send and its receive pair up by channel and sequence number; either
	// may be recorded first (for plain Go channels, both are recorded just
	// after the transfer).
	var sends, recvs pairing[send]
	// A busy trace makes tens of thousands of arrows and draws a few
	// hundred: keep every step-th as it is made.
	made, step := 0, 1
	n := count(t.Events, len(m.lanes), laneIdx)
	if n.arrows > 2*lim.arrows {
		step = n.arrows / lim.arrows
	}
	// A lane of a lock-heavy cell gets tens of thousands of spans: grown
	// by doubling, copying them was most of the time of drawing its trace.
	for i, l := range m.lanes {
		l.holds = make([]span, 0, n.holds[i])
		l.blocked = make([]span, 0, n.blocked[i])
	}
	addArrow := func(a arrow) {
		if made%step == 0 {
			m.arrows = append(m.arrows, a)
		}
		made++
	}
	// endWait closes the blocked span of lane li at at, if one is open.
	endWait := func(li int, at time.Duration) {
		if li < 0 || !states[li].open {
			return
		}
		st := &states[li]
		st.span.to = at
		m.lanes[li].blocked = append(m.lanes[li].blocked, st.span)
		st.open = false
		st.waitObj, st.waitedAt = st.span.obj, at
	}
	transfers := 0
	for _, e := range t.Events {
		li := laneIdx(e.G)
		var l *lane
		if li >= 0 {
			l = m.lanes[li]
			l.events++
		}
		switch e.Kind {
		case trace.EvBlock:
			if l != nil {
				states[li].open = true
				states[li].span = span{from: e.At, reason: e.Reason, obj: e.Obj}
			}
		case trace.EvUnblock:
			endWait(li, e.At)
		case trace.EvLock:
			if l != nil {
				k := lockOf(e.Obj)
				k.holds = append(k.holds, hold{lane: l, from: e.At, read: e.Arg == 1})
				// A lock this goroutine waited for, released by another: a
				// hand-off.
				w := states[li]
				if k.unlocked && k.unlockLane != li && e.Arg == 0 && w.waitObj == e.Obj && w.waitedAt >= k.unlockAt {
					addArrow(arrow{from: k.unlockLane, to: li, sent: k.unlockAt, recvd: e.At, label: k.label, handoff: true})
				}
			}
		case trace.EvUnlock:
			k := lockOf(e.Obj)
			for i := len(k.holds) - 1; i >= 0; i-- {
				if h := k.holds[i]; h.read == (e.Arg == 1) && (e.Arg == 0 || h.lane == l) {
					label := k.label
					if h.read {
						label += " (read)"
					}
					h.lane.holds = append(h.lane.holds, span{from: h.from, to: e.At, label: label})
					k.holds = append(k.holds[:i], k.holds[i+1:]...)
					break
				}
			}
			if l != nil && e.Arg == 0 {
				k.unlocked, k.unlockLane, k.unlockAt = true, li, e.At
			}
		case trace.EvSend:
			if l == nil {
				continue
			}
			endWait(li, e.At) // a send after a wait ends it
			if r, ok := recvs.take(e.Obj, e.Arg); ok {
				transfers++
				addArrow(arrow{from: li, to: r.lane, sent: e.At, recvd: r.at, obj: e.Obj, value: e.Text})
				continue
			}
			sends.put(e.Obj, e.Arg, send{lane: li, at: e.At, text: e.Text})
		case trace.EvRecv:
			if l == nil {
				continue
			}
			endWait(li, e.At)
			if e.Arg == 0 {
				l.marks = append(l.marks, mark{at: e.At, kind: trace.EvRecv, label: objectName(m.objects, e.Obj) + " closed"})
				continue
			}
			if snd, ok := sends.take(e.Obj, e.Arg); ok {
				transfers++
				addArrow(arrow{from: snd.lane, to: li, sent: snd.at, recvd: e.At, obj: e.Obj, value: snd.text})
			} else {
				recvs.put(e.Obj, e.Arg, send{lane: li, at: e.At})
			}
		case trace.EvGoStart:
			if l != nil && e.Arg != 0 {
				if p, ok := index[e.Arg]; ok && p != li {
					addArrow(arrow{from: p, to: li, sent: e.At, recvd: e.At, label: "go"})
				}
			}
		default:
			if label, ok := markLabel(e, m.objects); ok {
				if l != nil {
					l.marks = append(l.marks, mark{at: e.At, kind: e.Kind, label: label, arg: e.Arg})
				} else if e.G == 0 && e.Kind == trace.EvCancel {
					m.notes = append(m.notes, fmt.Sprintf("%s: %s", m.dur(e.At), label))
				}
			}
		}
	}
	// Spans still open at the end run to the end.
	for i, st := range states {
		if st.open {
			st.span.to, st.span.open = m.duration, true
			m.lanes[i].blocked = append(m.lanes[i].blocked, st.span)
		}
	}
	m.arrowsMade = made
	for _, k := range locks {
		for _, h := range k.holds {
			h.lane.holds = append(h.lane.holds, span{from: h.from, to: m.duration, label: k.label + " (still held)", open: true})
		}
	}
	for _, l := range m.lanes {
		sort.SliceStable(l.holds, func(i, j int) bool { return l.holds[i].from < l.holds[j].from })
	}
	// Who holds the lock a goroutine waits for at the end: the wait-for
	// relation of a deadlock.
	for _, l := range m.lanes {
		if l.finalWhy == "" || l.finalOn == 0 {
			continue
		}
		var holders []string
		k := locks[l.finalOn]
		if k == nil {
			continue
		}
		for _, h := range k.holds {
			if h.lane == l {
				holders = append(holders, "itself")
			} else {
				holders = append(holders, h.lane.title)
			}
		}
		if len(holders) > 0 {
			l.finalWhy += ", held by " + strings.Join(holders, ", ")
		}
	}
	m.diagnose(t)
	m.limit(lim, transfers)
	return m
}

// pairing holds sends (or receives) waiting for their other half, by
// channel and sequence number. Halves meet soon after each other, so a
// small ring per channel holds nearly all of them without hashing; the
// rest go to a map.
type pairing[T any] struct {
	rings    map[trace.ObjectID]*[256]pendingHalf[T]
	lastObj  trace.ObjectID
	lastRing *[256]pendingHalf[T]
	overflow map[[2]int64]T
}

type pendingHalf[T any] struct {
	seq int64 // 0: free
	v   T
}

func (p *pairing[T]) ring(obj trace.ObjectID) *[256]pendingHalf[T] {
	if p.lastRing != nil && p.lastObj == obj {
		return p.lastRing
	}
	if p.rings == nil {
		p.rings = map[trace.ObjectID]*[256]pendingHalf[T]{}
	}
	r := p.rings[obj]
	if r == nil {
		r = new([256]pendingHalf[T])
		p.rings[obj] = r
	}
	p.lastObj, p.lastRing = obj, r
	return r
}

func (p *pairing[T]) put(obj trace.ObjectID, seq int64, v T) {
	slot := &p.ring(obj)[seq&255]
	if slot.seq == 0 {
		slot.seq, slot.v = seq, v
		return
	}
	if p.overflow == nil {
		p.overflow = map[[2]int64]T{}
	}
	p.overflow[[2]int64{int64(obj), seq}] = v
}

func (p *pairing[T]) take(obj trace.ObjectID, seq int64) (T, bool) {
	slot := &p.ring(obj)[seq&255]
	if slot.seq == seq {
		v := slot.v
		*slot = pendingHalf[T]{}
		return v, true
	}
	k := [2]int64{int64(obj), seq}
	v, ok := p.overflow[k]
	if ok {
		delete(p.overflow, k)
	}
	return v, ok
}

// laneIndex returns a function that maps a goroutine to its lane's index
// in index, or -1. It runs for every event, and events of busy cells
// alternate between goroutines: IDs are small numbers, so a slice is
// asked rather than the map when it can be.
func laneIndex(index map[int64]int) func(g int64) int {
	maxID := int64(-1)
	for g := range index {
		if g < 0 {
			maxID = 1 << 20 // not a small number: use the map
			break
		}
		maxID = max(maxID, g)
	}
	if maxID >= 1<<20 {
		return func(g int64) int {
			if i, ok := index[g]; ok {
				return i
			}
			return -1
		}
	}
	byID := make([]int32, maxID+1)
	for i := range byID {
		byID[i] = -1
	}
	for g, i := range index {
		byID[g] = int32(i)
	}
	return func(g int64) int {
		if g < 0 || g > maxID {
			return -1
		}
		return int(byID[g])
	}
}

// counts is what a first look at the events tells: about how many arrows
// they make (transfers, goroutine starts and locks that may be hand-offs),
// and how many spans each lane gets, at most.
type counts struct {
	arrows         int
	holds, blocked []int // by lane index
}

// count takes the first look. laneIdx maps a goroutine to its lane, or -1.
func count(events []trace.Event, lanes int, laneIdx func(int64) int) counts {
	c := counts{holds: make([]int, lanes), blocked: make([]int, lanes)}
	for _, e := range events {
		switch e.Kind {
		case trace.EvRecv, trace.EvGoStart:
			c.arrows++
		case trace.EvLock:
			c.arrows++
			if li := laneIdx(e.G); li >= 0 {
				c.holds[li]++
			}
		case trace.EvBlock:
			if li := laneIdx(e.G); li >= 0 {
				c.blocked[li]++
			}
		}
	}
	return c
}

// describeBlock says what a goroutine waits for, as on its span.
func describeBlock(r trace.Reason, obj string) string {
	switch r {
	case trace.ChanSend:
		return obj + " <-"
	case trace.ChanRecv:
		return "<-" + obj
	case trace.SelectWait:
		return "select"
	case trace.Sleeping:
		return "sleep"
	case trace.ContextDone:
		return "<-" + obj + ".Done()"
	}
	if obj == "" {
		return r.String()
	}
	method := r.String()
	if i := strings.IndexByte(method, '.'); i >= 0 {
		method = method[i:]
	}
	return obj + method
}

// markLabel returns the label of an instant event drawn as a mark.
func markLabel(e trace.Event, objs map[trace.ObjectID]trace.Object) (string, bool) {
	name := objectName(objs, e.Obj)
	switch e.Kind {
	case trace.EvClose:
		return "close(" + name + ")", true
	case trace.EvPanic:
		return "panic: " + e.Text, true
	case trace.EvCancel:
		return "cancel " + name + ": " + e.Text, true
	case trace.EvCancelSeen:
		return name + " done: " + e.Text, true
	case trace.EvWaitGroupAdd:
		return fmt.Sprintf("%s %+d → %s", name, e.Arg, e.Text), true
	case trace.EvOnceRun:
		return name + ".Do runs f", true
	case trace.EvFlightCall:
		if e.Arg == 1 {
			return fmt.Sprintf("%s %q: shared", name, e.Text), true
		}
		return fmt.Sprintf("%s %q: executed", name, e.Text), true
	case trace.EvMark:
		return e.Text, true
	case trace.EvAccess:
		if e.Arg == 'w' {
			return "wrote " + e.Text, true
		}
		return "read " + e.Text, true
	case trace.EvHighlight:
		return e.Text, true
	case trace.EvDeadlock:
		return "deadlock: " + e.Text, true
	case trace.EvAcquire:
		return fmt.Sprintf("%s acquire %d", name, e.Arg), true
	case trace.EvRelease:
		return fmt.Sprintf("%s release %d", name, e.Arg), true
	case trace.EvSignal:
		if e.Arg == 1 {
			return name + ".Broadcast", true
		}
		return name + ".Signal", true
	}
	return "", false
}

// diagnose writes what went wrong: leaks, deadlocks, panics, drops.
func (m *model) diagnose(t *trace.Trace) {
	var leaked, stuck []*lane
	for i, l := range m.lanes {
		deadlocked := false
		for _, mk := range l.marks {
			switch mk.kind {
			case trace.EvPanic:
				m.diag = append(m.diag, fmt.Sprintf("goroutine %s panicked: %s", l.title, strings.TrimPrefix(mk.label, "panic: ")))
			case trace.EvDeadlock:
				deadlocked = true
			}
		}
		switch {
		case deadlocked:
			stuck = append(stuck, l)
		case i == 0 || !l.running:
			// main is the cell itself
		default:
			leaked = append(leaked, l)
		}
	}
	if len(stuck) > 0 {
		m.diag = append(m.diag, "deadlock: all goroutines are asleep, and none can wake another:")
		for i, l := range stuck {
			if i == 10 {
				m.diag = append(m.diag, fmt.Sprintf("  ... and %d more", len(stuck)-10))
				break
			}
			m.diag = append(m.diag, fmt.Sprintf("  %s: %s", l.title, orRunning(l.finalWhy)))
		}
	}
	if len(leaked) > 0 {
		m.diag = append(m.diag, fmt.Sprintf("%d goroutine(s) still running at the end (leaked unless something stops them later):", len(leaked)))
		for i, l := range leaked {
			if i == 10 {
				m.diag = append(m.diag, fmt.Sprintf("  ... and %d more", len(leaked)-10))
				break
			}
			why := "running"
			if l.finalWhy != "" {
				why = "blocked on " + l.finalWhy
			}
			where := ""
			if l.pos != "" {
				where = " (started at " + l.pos + ")"
			}
			m.diag = append(m.diag, fmt.Sprintf("  %s%s: %s", l.title, where, why))
		}
	}
	if t.Dropped > 0 {
		m.diag = append(m.diag, fmt.Sprintf("%d events were not recorded: the trace keeps at most %d (the timeline ends early)", t.Dropped, t.MaxEvents))
	}
}

// limit merges and thins the model so that it draws small.
func (m *model) limit(lim limits, transfers int) {
	if len(m.lanes) > lim.lanes {
		// Keep main and the busiest goroutines; fold the rest into one lane.
		keep := make([]int, 0, len(m.lanes))
		for i := range m.lanes {
			keep = append(keep, i)
		}
		sort.SliceStable(keep[1:], func(a, b int) bool { return m.lanes[keep[1+a]].events > m.lanes[keep[1+b]].events })
		kept := map[int]bool{}
		for _, i := range keep[:lim.lanes-1] {
			kept[i] = true
		}
		rest := &lane{title: fmt.Sprintf("%d more goroutines", len(m.lanes)-(lim.lanes-1)), start: m.duration}
		newIndex := map[int]int{}
		var lanes []*lane
		for i, l := range m.lanes {
			if kept[i] {
				newIndex[i] = len(lanes)
				lanes = append(lanes, l)
				continue
			}
			rest.start = min(rest.start, l.start)
			rest.end = max(rest.end, l.end)
			rest.blocked = append(rest.blocked, l.blocked...)
			rest.running = rest.running || l.running
		}
		sort.SliceStable(rest.blocked, func(i, j int) bool { return rest.blocked[i].from < rest.blocked[j].from })
		newIndex[-1] = len(lanes)
		lanes = append(lanes, rest)
		remap := func(i int) int {
			if j, ok := newIndex[i]; ok {
				return j
			}
			return newIndex[-1]
		}
		for k := range m.arrows {
			m.arrows[k].from, m.arrows[k].to = remap(m.arrows[k].from), remap(m.arrows[k].to)
		}
		m.lanes, m.merged = lanes, len(keep)
		m.notes = append(m.notes, fmt.Sprintf("%d goroutines: the %d busiest are drawn, the others share the last lane", len(keep), lim.lanes-1))
	}
	if len(m.arrows) > lim.arrows {
		step := float64(len(m.arrows)) / float64(lim.arrows)
		var thin []arrow
		for f := 0.0; int(f) < len(m.arrows); f += step {
			thin = append(thin, m.arrows[int(f)])
		}
		m.arrows = thin
	}
	if m.arrowsMade > len(m.arrows) {
		m.notes = append(m.notes, fmt.Sprintf("%d transfers between goroutines: %d are drawn", m.arrowsMade, len(m.arrows)))
	}
	for _, l := range m.lanes {
		if len(l.marks) > lim.marksPerLane {
			l.marks = l.marks[:lim.marksPerLane]
		}
	}
	_ = transfers
}

// fmtDur writes a duration with a unit that suits it.
func fmtDur(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d < time.Microsecond:
		return fmt.Sprintf("%dns", d.Nanoseconds())
	case d < time.Millisecond:
		return trimZeros(fmt.Sprintf("%.1f", float64(d)/float64(time.Microsecond))) + "µs"
	case d < time.Second:
		return trimZeros(fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond))) + "ms"
	}
	return trimZeros(fmt.Sprintf("%.2f", d.Seconds())) + "s"
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
