package trace

import (
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/petermattis/goid"

	"github.com/goconc/goconc/lib/explore"
)

// This file holds the functions instrumented code calls. The lib packages use
// them; so can an interpreter or your own primitives.

// Current returns the id of the calling goroutine.
func Current() int64 { return goid.Get() }

// Emit records an event of the calling goroutine.
func Emit(kind Kind, obj ObjectID, arg int64, text, pos string) {
	if !rec.on.Load() {
		return
	}
	g, st := rec.self()
	rec.record(st, Event{G: g, Kind: kind, Obj: obj, Arg: arg, Text: text, Pos: pos})
}

// Moment is when something happened, taken with Now and recorded later
// with EmitAt. An Unlock takes its time while it holds the lock and
// records once it has let go: goroutines waiting for the lock then do not
// wait for the recording too.
type Moment struct {
	run *runConfig // the trace it was taken in; nil if none was running
	at  time.Duration
}

// Now returns the current moment of the running trace.
func Now() Moment {
	c := rec.cfg.Load()
	if c == nil || !rec.on.Load() {
		return Moment{}
	}
	return Moment{run: c, at: c.now()}
}

// EmitAt records an event of the calling goroutine that happened at m. It
// records nothing if m is of a trace that is no longer running.
func EmitAt(m Moment, kind Kind, obj ObjectID, arg int64, text, pos string) {
	if m.run == nil || !rec.on.Load() {
		return
	}
	g, st := rec.self()
	st.mu.Lock()
	rec.addAt(st, Event{G: g, Kind: kind, Obj: obj, Arg: arg, Text: text, Pos: pos}, m)
	st.mu.Unlock()
}

// EmitOn records an event that belongs to an object rather than to a
// goroutine, such as a deadline expiring: its G is 0.
func EmitOn(kind Kind, obj ObjectID, arg int64, text string) {
	if !rec.on.Load() {
		return
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	c := rec.cfg.Load()
	if c == nil {
		return
	}
	if rec.count.Add(1) > c.max {
		rec.dropped.Add(1)
		return
	}
	rec.buf.append(Event{At: c.now(), Kind: kind, Obj: obj, Arg: arg, Text: text})
}

// EmitFor records an event of goroutine g, observed by another goroutine:
// a deadlock detector marks the goroutines it found stuck.
func EmitFor(g int64, kind Kind, obj ObjectID, arg int64, text, pos string) {
	if !rec.on.Load() {
		return
	}
	rec.record(rec.gstate(g), Event{G: g, Kind: kind, Obj: obj, Arg: arg, Text: text, Pos: pos})
}

// Annotate adds text to the calling goroutine's last event if it is an
// access (EvAccess): the value it read or wrote.
func Annotate(text string) {
	if !rec.on.Load() {
		return
	}
	_, st := rec.self()
	st.mu.Lock()
	defer st.mu.Unlock()
	if e := st.events.last(); e != nil && e.Kind == EvAccess {
		e.Text += " = " + text
	}
}

// Mark records a user mark with a label on the calling goroutine's lane.
func Mark(label string) { Emit(EvMark, 0, 0, label, "") }

// Sleep is time.Sleep, shown on timelines as a sleep, and stoppable by a
// Host.
func Sleep(d time.Duration) {
	if x := explore.Current(); x != nil {
		ExploredWait(func() (bool, bool) { return x.Sleep(d, func() { BlockOn(Sleeping, 0, "") }), d > 0 })
		return
	}
	if d <= 0 {
		return
	}
	BlockOn(Sleeping, 0, "")
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		Unblock()
	case <-Stopped():
		Halt()
	}
}

// ExploredWait finishes a wait of a goroutine in an explored run: wait
// does it (through package explore, recording its block with BlockOn if it
// must wait) and reports whether it completed and whether it waited. A
// wait cut short by the end of the run halts the goroutine.
func ExploredWait(wait func() (completed, waited bool)) {
	completed, waited := wait()
	if !completed {
		Halt()
	}
	if waited {
		Unblock()
	}
}

// ExploredPoint is a scheduling point of an explored run, if the calling
// goroutine takes part in one: another goroutine may go first. A run that
// ended halts the goroutine.
func ExploredPoint() {
	if x := explore.Current(); x != nil && !x.Point() {
		Halt()
	}
}

// ExploredUntilClosed waits, in an explored run, until one of chans is
// closed or has a value to receive; elsewhere it returns at once. A
// primitive that waits in a select on channels that others close calls it
// first: its select then finds a case ready.
func ExploredUntilClosed(chans ...<-chan struct{}) {
	x := explore.Current()
	if x == nil {
		return
	}
	ExploredWait(func() (bool, bool) {
		return x.Wait(func() bool {
			for _, c := range chans {
				select {
				case <-c:
					return true
				default:
				}
			}
			return false
		}, nil)
	})
}

// BlockOn says the calling goroutine is about to block for reason on obj at
// source position pos (may be ""). Call Unblock when it resumes.
func BlockOn(reason Reason, obj ObjectID, pos string) {
	block(reason, obj, pos, reason.Timed())
}

func block(reason Reason, obj ObjectID, pos string, timed bool) { blockAs(reason, obj, "", pos, timed) }

// BlockOnNamed is BlockTimed for an operation that calls obj as (the
// expression it receives from, say), which a goroutine's state reports: an
// object keeps the name it was first used by, which another name for it
// (a field the channel was handed in) may not be.
func BlockOnNamed(reason Reason, obj ObjectID, as, pos string, timed bool) {
	blockAs(reason, obj, as, pos, timed || reason.Timed())
}

func blockAs(reason Reason, obj ObjectID, as, pos string, timed bool) {
	g, st := rec.self()
	unwound(g) // a goroutine unwinding a panic that waits lets the others go on
	st.mu.Lock()
	st.reason, st.obj, st.objAs, st.blockPos, st.since, st.timed = reason, obj, as, pos, time.Now(), timed
	rec.addTo(st, Event{G: g, Kind: EvBlock, Reason: reason, Obj: obj, Pos: pos})
	st.mu.Unlock()
}

// Unblock says the calling goroutine resumed after BlockOn. While another
// goroutine unwinds a panic (Unwinding), it waits first.
func Unblock() {
	holdWhileUnwinding(goidGet())
	unblock()
}

func unblock() {
	g, st := rec.self()
	st.mu.Lock()
	obj := st.obj
	st.resume()
	rec.addTo(st, Event{G: g, Kind: EvUnblock, Obj: obj})
	st.mu.Unlock()
}

// resume marks the goroutine as no longer blocked. st.mu is held.
func (st *gstate) resume() {
	st.reason, st.obj, st.objAs, st.blockPos, st.timed = NotBlocked, 0, "", "", false
}

// Go starts f in a new goroutine named name. The goroutine's start position
// is the caller's. If f panics, the panic is recovered and recorded, the
// goroutine ends, and the program goes on: the timeline shows the panic.
func Go(name string, f func()) {
	pos := callerPos(2)
	t := Fork()
	// In an explored run, the new goroutine may take its turn first.
	defer ExploredPoint()
	go func() {
		Enter(name, pos, t)
		defer func() {
			if r := recover(); r != nil {
				Exit(r, true)
				return
			}
			Exit(nil, false)
		}()
		f()
	}()
}

// Ticket identifies the start of a goroutine: who starts it and in what
// order. Take one with Fork in the starting goroutine, at the go statement,
// and pass it to Enter in the new goroutine.
type Ticket struct {
	Parent int64
	Order  int64
	forked bool   // by Fork: counted by Starting until it enters
	label  string // the parent's label when it forked: it may be gone by Enter
	// explored is the goroutine's place in an explored run its parent
	// takes part in (see package explore): it waits for its turn.
	explored *explore.G
}

// Fork returns a ticket for a goroutine the caller is about to start.
func Fork() Ticket {
	rec.forks.Add(1)
	g := goid.Get()
	t := Ticket{Parent: g, Order: rec.order.Add(1), forked: true, label: LabelOf(g)}
	if x := explore.Current(); x != nil {
		t.explored = x.Fork()
	}
	return t
}

// MaybeFork returns a ticket for a goroutine the caller may start, or may
// not: a singleflight DoChan that joins a call in flight starts none, and
// cannot tell which it did. Unlike Fork's, Starting does not count the
// ticket, which would wait for an Enter that never comes (every later
// leak check waited its full five seconds for it). Not for explored runs,
// whose goroutines must all be forked.
func MaybeFork() Ticket {
	g := goid.Get()
	return Ticket{Parent: g, Order: rec.order.Add(1), label: LabelOf(g)}
}

// Enter registers the calling goroutine as a new goroutine started at pos
// by the holder of ticket t. It inherits the parent's label. Wrappers that
// start goroutines call it first thing in the new goroutine, then Exit.
func Enter(name, pos string, t Ticket) {
	if t.forked {
		defer rec.entered.Add(1) // once it is registered
	}
	// A goroutine of an explored run starts when its turn comes: what it
	// records, its start too, happens in the run's order.
	if t.explored != nil && !t.explored.Enter() {
		Halt() // the run ended before this goroutine's first turn
	}
	g := goid.Get()
	parent := t.Parent
	rec.mu.Lock()
	st := rec.g(g)
	st.name, st.pos, st.parent, st.ended, st.order = name, pos, parent, false, t.Order
	label := t.label
	if p := rec.gs[parent]; p != nil && label == "" {
		p.mu.Lock()
		label = p.label
		p.mu.Unlock()
	}
	if rec.on.Load() {
		st.start = rec.now()
	}
	st.mu.Lock()
	st.label = label
	rec.addTo(st, Event{G: g, Kind: EvGoStart, Arg: parent, Text: name, Pos: pos})
	st.mu.Unlock()
	rec.mu.Unlock()
	if h := host.Load(); h != nil {
		if w, ok := (*h).(EnterWatcher); ok {
			w.Entered(g, name, pos)
		}
	}
}

// Exit records the end of the calling goroutine; if panicked, with the
// panic value.
func Exit(value any, panicked bool) {
	exit(value, panicked)
	// Then, with the recorder's lock released, the turn of an explored
	// run passes on (a deadlock found then reads the goroutines' states),
	// or a panic ends the run.
	explore.Exit(panicked)
}

func exit(value any, panicked bool) {
	g := goid.Get()
	if !panicked {
		unwound(g)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	st := rec.g(g)
	st.mu.Lock()
	if panicked {
		st.panic = fmt.Sprint(value)
		rec.addTo(st, Event{G: g, Kind: EvPanic, Text: st.panic})
	}
	rec.addTo(st, Event{G: g, Kind: EvGoEnd})
	st.reason, st.obj, st.timed = NotBlocked, 0, false
	quiet := st.events.len() == 0
	st.mu.Unlock()
	if quiet && !rec.on.Load() {
		// No trace to draw it in: nothing of it is worth keeping. (An
		// untraced notebook that ran 10,000 goroutines kept them all, and
		// every look at the goroutines' states went through them.)
		rec.drop(g)
		return
	}
	st.ended = true
	if rec.on.Load() {
		st.end = rec.now()
	}
	rec.ended++
	if rec.ended > maxEndedGoroutines {
		rec.forgetEndedQuiet()
	}
}

// Forget drops what the package knows of goroutine g, which has ended
// without Exit: an interpreter that runs each piece of code in a goroutine
// of its own calls it when one is done, so that such goroutines do not pile
// up.
func Forget(g int64) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if st := rec.gs[g]; st != nil {
		if st.ended {
			rec.ended--
		}
		rec.drop(g)
	}
}

// forgetEndedQuiet drops ended goroutines that have no events in the current
// trace. r.mu is held.
func (r *recorder) forgetEndedQuiet() {
	for id, st := range r.gs {
		st.mu.Lock()
		quiet := st.events.len() == 0
		st.mu.Unlock()
		if st.ended && !st.acted && quiet {
			r.drop(id)
			r.ended--
		}
	}
	if r.ended > maxEndedGoroutines {
		for id, st := range r.gs {
			if st.ended {
				r.drop(id)
			}
		}
		r.ended = 0
	}
}

// SetMain makes the calling goroutine the main lane of the running trace,
// named name: an interpreter runs a cell's statements in a goroutine other
// than the one that started the trace.
func SetMain(name string) {
	g := goid.Get()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if old := rec.gs[rec.mainG]; old != nil && rec.mainG != g {
		// The goroutine that started the trace is no lane of its own.
		old.acted = false
		if old.name == "main" {
			old.name = ""
		}
	}
	rec.mainG = g
	s := rec.g(g)
	s.name = name
	s.acted = true
}

// SetName names the calling goroutine.
func SetName(name string) {
	g := goid.Get()
	rec.mu.Lock()
	rec.g(g).name = name
	rec.mu.Unlock()
}

// SetLabel sets the calling goroutine's label. Goroutines it starts later
// (with Go or Enter) inherit it. An interpreter uses labels to tell which
// cell or request a goroutine works for.
func SetLabel(label string) {
	st := rec.gstate(goid.Get())
	st.mu.Lock()
	st.label = label
	st.mu.Unlock()
}

// LabelOf returns the label of goroutine g, or "" if it has none.
func LabelOf(g int64) string {
	st, ok := rec.gmap.Load(g)
	if !ok {
		return ""
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.label
}

// ChanSentAt is ChanSent for the channel at address addr (found or
// registered as ObjectAt does), in one step. If the goroutine was blocked
// (BlockOn), the send ends the wait: no Unblock is needed.
func ChanSentAt(addr uintptr, capacity int, name, text, pos string) {
	chanDone(EvSend, addr, capacity, name, text, true, pos)
}

// ChanReceivedAt is ChanReceived for the channel at address addr; like
// ChanSentAt, it ends a wait.
func ChanReceivedAt(addr uintptr, capacity int, name, text string, ok bool, pos string) {
	chanDone(EvRecv, addr, capacity, name, text, ok, pos)
}

// chanDone records a send or a receive (ok: a value was received, not the
// close) and ends the goroutine's wait.
func chanDone(kind Kind, addr uintptr, capacity int, name, text string, ok bool, pos string) {
	g, st := rec.self()
	st.mu.Lock()
	defer st.mu.Unlock()
	if !rec.on.Load() {
		st.resume() // the trace stopped while the goroutine waited
		return
	}
	o := rec.chanFor(st, addr, capacity, name)
	var seq int64
	switch {
	case kind == EvSend:
		seq = o.sends.Add(1)
	case ok:
		seq = o.recvs.Add(1)
	}
	st.resume()
	rec.addTo(st, Event{G: g, Kind: kind, Obj: o.ID, Arg: seq, Text: text, Pos: pos})
}

// ChanSent records a completed send of text on channel obj and returns its
// sequence number. Use it for channels that cannot carry a sequence number
// themselves; sends and receives are then paired in the order they complete.
func ChanSent(obj ObjectID, text, pos string) {
	if !rec.on.Load() {
		return
	}
	seq := rec.counters(obj)[0].Add(1)
	g, st := rec.self()
	rec.record(st, Event{G: g, Kind: EvSend, Obj: obj, Arg: seq, Text: text, Pos: pos})
}

// ChanReceived records a completed receive from channel obj. ok is false if
// the receive got the zero value because the channel was closed.
func ChanReceived(obj ObjectID, text string, ok bool, pos string) {
	if !rec.on.Load() {
		return
	}
	var seq int64
	if ok {
		seq = rec.counters(obj)[1].Add(1)
	}
	g, st := rec.self()
	rec.record(st, Event{G: g, Kind: EvRecv, Obj: obj, Arg: seq, Text: text, Pos: pos})
}

func (r *recorder) counters(obj ObjectID) [2]*atomic.Int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if o := r.objects[obj]; o != nil {
		return [2]*atomic.Int64{&o.sends, &o.recvs}
	}
	return [2]*atomic.Int64{new(atomic.Int64), new(atomic.Int64)}
}

// State is what a goroutine is doing right now.
type State struct {
	G      int64
	Name   string
	Pos    string // where it was started
	Label  string
	Reason Reason // NotBlocked if it runs (or blocks somewhere not instrumented)
	Timed  bool   // a timer ends the wait if nobody else does
	Obj    ObjectID
	Object string // the name of Obj: what the blocking operation calls it, else its name on timelines
	Where  string // source position of the blocking operation
	Since  time.Time
}

// States returns the state of every live goroutine the recorder knows,
// ordered by goroutine id.
func States() []State {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	out := make([]State, 0, len(rec.gs))
	for _, s := range rec.gs {
		if s.ended {
			continue
		}
		s.mu.Lock()
		st := State{G: s.id, Name: s.name, Pos: s.pos, Label: s.label, Reason: s.reason, Timed: s.timed, Obj: s.obj, Object: s.objAs, Where: s.blockPos, Since: s.since}
		s.mu.Unlock()
		if o := rec.objects[st.Obj]; o != nil && st.Object == "" {
			st.Object = o.Name
		}
		out = append(out, st)
	}
	sortStates(out)
	return out
}

func sortStates(s []State) {
	sort.Slice(s, func(i, j int) bool { return s[i].G < s[j].G })
}

// Short returns a short text for a value shown on a timeline: at most max
// runes of its fmt.Sprint form, with an ellipsis if cut.
func Short(v any, max int) string {
	var s string
	switch x := v.(type) {
	case string:
		s = strconv.Quote(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case struct{}:
		return "{}"
	case error:
		s = x.Error()
	default:
		s = fmt.Sprint(v)
	}
	if len(s) > max { // in bytes: at least as many as runes
		if r := []rune(s); len(r) > max {
			s = string(r[:max-1]) + "…"
		}
	}
	return s
}

// callerPos returns "file.go:line" of the caller skip frames up.
func callerPos(skip int) string {
	_, file, line, ok := runtime.Caller(skip)
	if !ok {
		return ""
	}
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		file = file[i+1:]
	}
	return fmt.Sprintf("%s:%d", file, line)
}
