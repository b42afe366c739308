package trace

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/petermattis/goid"
)

func goidGet() int64 { return goid.Get() }

// rec is the process-wide recorder: goroutines and objects are process-wide
// too, so there is exactly one.
var rec = &recorder{
	gs:      map[int64]*gstate{},
	addrs:   map[uintptr]ObjectID{},
	pending: map[uintptr]string{},
	objects: map[ObjectID]*object{},
}

type recorder struct {
	on      atomic.Bool
	order   atomic.Int64 // tickets given
	forks   atomic.Int64 // tickets given by Fork
	entered atomic.Int64 // goroutines that entered with a ticket of Fork

	// Goroutines record into buffers of their own, so that recording
	// goroutines do not wait for each other: the hot paths (channel
	// operations, blocking, events of the primitives) take only the
	// goroutine's own lock, finding its state and the objects they act on
	// in lock-free maps. A trace merges the buffers by time.
	cfg     atomic.Pointer[runConfig] // the running trace's settings
	count   atomic.Int64              // events recorded (or dropped) in the trace
	dropped atomic.Int64
	ogen    atomic.Uint64            // counts addresses given to a new object: goroutines' caches of objects are stale
	gmap    shards[int64, *gstate]   // the same as gs, read without mu
	omap    shards[uintptr, *object] // the same as addrs, read without mu

	mu      sync.Mutex
	buf     buffer // events of no goroutine (EmitOn)
	mainG   int64
	nextObj ObjectID
	objects map[ObjectID]*object
	addrs   map[uintptr]ObjectID
	pending map[uintptr]string
	// superseded are objects whose address a new object took: they are
	// dead, and go when the next trace starts (this one's events may
	// still name them).
	superseded []ObjectID

	gs    map[int64]*gstate
	ended int // goroutines in gs that have ended

	timers   map[int64]time.Time // functions of AfterFunc not started yet, and when they are due
	timerSeq int64
	closing  map[uintptr]closing // channels a timer closes, by address
	closings atomic.Int64        // len(closing), read without mu
}

// runConfig is what a trace was started with.
type runConfig struct {
	clock func() time.Duration
	began time.Time
	at    stamp // the clocks at began
	max   int64
}

// now is the time since the trace began in ticks (see clock.go), or the
// injected clock's time.
func (c *runConfig) now() time.Duration {
	if c.clock != nil {
		return c.clock()
	}
	return time.Duration(ticks() - c.at.ticks)
}

// scale converts the recording's readings of now to durations.
func (c *runConfig) scale() scale {
	if c.clock != nil {
		return scale{ns: 1}
	}
	return newScale(c.at, now())
}

// object is an Object with what the recorder counts of it.
type object struct {
	Object
	sends, recvs atomic.Int64 // to pair sends with receives
}

// gstate is what the recorder knows of one goroutine. The fields above mu
// are guarded by the recorder's mu; those below by the gstate's own.
type gstate struct {
	id     int64
	name   string
	pos    string
	parent int64
	start  time.Duration // -1 if before the current trace
	end    time.Duration
	ended  bool
	panic  string
	acted  bool  // has events in the current trace
	order  int64 // its ticket's order; 0 if unknown

	mu       sync.Mutex
	label    string
	reason   Reason
	timed    bool // a timer ends the wait if nobody else does
	obj      ObjectID
	objAs    string // what the blocking operation calls obj ("" if it names none)
	blockPos string
	since    time.Time
	at       string // where the host says the goroutine is
	events   buffer
	quota    int64           // events it may still record before asking the trace
	full     bool            // the trace had no more room when it last asked
	dropped  int64           // events it did not record for that, not yet in recorder.dropped
	objs     [2]cachedObject // the channels it used last
	objGen   uint64          // the recorder's ogen when objs were filled
	objNext  int
}

// cachedObject saves a goroutine that uses the same channels over and
// over (a worker's jobs and results) a lookup per operation.
type cachedObject struct {
	addr uintptr
	o    *object
}

// chanFor is chanAt through st's cache. st.mu is held; it is released
// while the recorder looks the channel up (r.mu is taken before st.mu).
func (r *recorder) chanFor(st *gstate, addr uintptr, capacity int, name string) *object {
	gen := r.ogen.Load()
	if st.objGen == gen {
		for _, c := range st.objs {
			if c.addr == addr && c.o != nil {
				return c.o
			}
		}
	} else {
		st.objs, st.objGen = [2]cachedObject{}, gen
	}
	st.mu.Unlock()
	o := r.chanAt(addr, capacity, name)
	st.mu.Lock()
	if st.objGen == gen {
		st.objs[st.objNext] = cachedObject{addr, o}
		st.objNext ^= 1
	}
	return o
}

// maxEndedGoroutines bounds how many finished goroutines are remembered, so
// that a goroutine bomb cannot grow the registry without end.
const maxEndedGoroutines = 200_000

// now returns the time in the running trace.
func (r *recorder) now() time.Duration {
	if c := r.cfg.Load(); c != nil {
		return c.now()
	}
	return 0
}

// g returns the state of goroutine id, creating it if unknown. r.mu is held.
func (r *recorder) g(id int64) *gstate {
	s := r.gs[id]
	if s == nil {
		s = &gstate{id: id, start: -1, end: -1}
		r.gs[id] = s
		r.gmap.Store(id, s)
	}
	return s
}

// gstate returns the state of goroutine id without r.mu in the common case.
func (r *recorder) gstate(id int64) *gstate {
	if v, ok := r.gmap.Load(id); ok {
		return v
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.g(id)
}

// self returns the calling goroutine's id and state. A goroutine the
// recorder meets for the first time here was not started through it (an
// HTTP server's connection, a library's helper): it is named after the
// function it started with.
func (r *recorder) self() (int64, *gstate) {
	g := goid.Get()
	if s, ok := r.gmap.Load(g); ok {
		return g, s
	}
	name := entryName()
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.g(g)
	if s.name == "" {
		s.name = name
	}
	return g, s
}

// entryName returns the short name of the function the calling goroutine
// started with ("http.(*conn).serve"), or "" when that is an interpreter's
// machinery, which would mean nothing to the reader.
func entryName() string {
	pcs := make([]uintptr, 64)
	for {
		n := runtime.Callers(3, pcs)
		if n < len(pcs) {
			pcs = pcs[:n]
			break
		}
		pcs = make([]uintptr, 2*len(pcs))
	}
	last := ""
	frames := runtime.CallersFrames(pcs)
	for {
		f, more := frames.Next()
		if f.Function != "" && f.Function != "runtime.goexit" {
			last = f.Function
		}
		if !more {
			break
		}
	}
	if strings.Contains(last, "/yaegi/") || strings.HasPrefix(last, "runtime.") {
		return ""
	}
	if i := strings.LastIndex(last, "/"); i >= 0 {
		last = last[i+1:]
	}
	return last
}

// drop removes goroutine id. r.mu is held.
func (r *recorder) drop(id int64) {
	if s := r.gs[id]; s != nil {
		s.mu.Lock()
		r.dropped.Add(s.dropped)
		s.dropped = 0
		s.mu.Unlock()
	}
	delete(r.gs, id)
	r.gmap.Delete(id)
}

// eventBatch is how many events a goroutine takes from the trace's
// allowance at a time: one shared counter touched by every event would
// make recording goroutines wait on each other.
const eventBatch = 64

// addTo appends an event to goroutine s's buffer, at the current time.
// s.mu is held.
func (r *recorder) addTo(s *gstate, e Event) { r.addAt(s, e, Moment{}) }

// addAt appends an event to goroutine s's buffer, at m if m is of the
// running trace, else at the current time. s.mu is held.
func (r *recorder) addAt(s *gstate, e Event, m Moment) {
	c := r.cfg.Load()
	if !r.on.Load() || c == nil || m.run != nil && m.run != c {
		return
	}
	if s.quota == 0 {
		// A full trace stays full: count what is dropped here, not in a
		// counter every goroutine of a busy cell would contend for.
		if s.full {
			s.dropped++
			return
		}
		taken := r.count.Add(eventBatch) - eventBatch
		if taken >= c.max {
			s.full = true
			s.dropped++
			return
		}
		s.quota = min(eventBatch, c.max-taken)
	}
	s.quota--
	if m.run == nil {
		e.At = c.now()
	} else {
		e.At = m.at
		// A goroutine's events are in time order, also if another
		// recorded one for it in between (EmitFor).
		if last := s.events.last(); last != nil && last.At > e.At {
			e.At = last.At
		}
	}
	s.events.append(e)
}

// record appends an event of goroutine s, taking s.mu.
func (r *recorder) record(s *gstate, e Event) {
	s.mu.Lock()
	r.addTo(s, e)
	s.mu.Unlock()
}

func (r *recorder) start(c config) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on.Store(false)
	r.cfg.Store(&runConfig{clock: c.clock, began: time.Now(), at: now(), max: int64(c.max)})
	r.resetEvents()
	r.forgetEnded()
	for _, id := range r.superseded {
		delete(r.objects, id)
	}
	r.superseded = r.superseded[:0]
	for _, s := range r.gs {
		s.start, s.end, s.acted = -1, -1, false
	}
	r.mainG = goid.Get()
	m := r.g(r.mainG)
	if m.name == "" {
		m.name = "main"
	}
	m.acted = true
	for _, o := range r.objects {
		o.sends.Store(0)
		o.recvs.Store(0)
	}
	r.on.Store(true)
}

// resetEvents empties every buffer. r.mu is held.
func (r *recorder) resetEvents() {
	r.buf.reset()
	for _, s := range r.gs {
		s.mu.Lock()
		s.events.reset()
		s.quota, s.full, s.dropped = 0, false, 0
		s.mu.Unlock()
	}
	r.count.Store(0)
	r.dropped.Store(0)
}

// forgetEnded drops goroutines that ended. r.mu is held.
func (r *recorder) forgetEnded() {
	for id, s := range r.gs {
		if s.ended {
			r.drop(id)
		}
	}
	r.ended = 0
}

func (r *recorder) stop() *Trace {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on.Store(false)
	t := r.build()
	r.resetEvents()
	return t
}

func (r *recorder) snapshot() *Trace {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.build()
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.resetEvents()
	r.forgetEnded()
}

// build makes a Trace of the current recording. r.mu is held.
func (r *recorder) build() *Trace {
	c := r.cfg.Load()
	if c == nil {
		return &Trace{MaxEvents: DefaultMaxEvents}
	}
	t := &Trace{Start: c.began, Dropped: int(r.dropped.Load()), MaxEvents: int(c.max)}
	sc := c.scale()
	t.Duration = sc.of(c.now())
	used := map[ObjectID]bool{}
	// Views of the chunks, not copies: goroutines only append after them.
	lists := r.buf.views(nil)
	for _, s := range r.gs {
		s.mu.Lock()
		if s.events.len() > 0 {
			lists = s.events.views(lists)
			s.acted = true
		}
		t.Dropped += int(s.dropped)
		reason, obj, blockPos := s.reason, s.obj, s.blockPos
		label := s.label
		s.mu.Unlock()
		if !s.acted && s.id != r.mainG {
			continue
		}
		g := Goroutine{
			ID: s.id, Name: s.name, Pos: s.pos, Parent: s.parent, Label: label,
			Start: sc.of(s.start), End: sc.of(s.end), Panic: s.panic, order: s.order,
		}
		if !s.ended {
			g.Blocked, g.BlockedOn, g.BlockedAt = reason, obj, blockPos
			if obj != 0 {
				used[obj] = true
			}
		}
		t.Goroutines = append(t.Goroutines, g)
	}
	t.Events = mergeByTime(lists)
	if sc.ns != 1 {
		for i := range t.Events {
			t.Events[i].At = sc.of(t.Events[i].At)
		}
	}
	if c.clock != nil && len(t.Events) > 0 {
		// An injected clock steps with events: reading it for the
		// duration would make the trace depend on how often it is read.
		t.Duration = t.Events[len(t.Events)-1].At
	}
	completeHandoffs(t)
	for _, e := range t.Events {
		if e.Obj != 0 {
			used[e.Obj] = true
		}
	}
	main := r.mainG
	sort.Slice(t.Goroutines, func(i, j int) bool {
		a, b := t.Goroutines[i], t.Goroutines[j]
		if (a.ID == main) != (b.ID == main) {
			return a.ID == main
		}
		// In the order they were started: by ticket when both have one.
		if a.order != 0 && b.order != 0 {
			return a.order < b.order
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.ID < b.ID
	})
	for id := range used {
		if o := r.objects[id]; o != nil {
			t.Objects = append(t.Objects, o.Object)
		}
	}
	sort.Slice(t.Objects, func(i, j int) bool { return t.Objects[i].ID < t.Objects[j].ID })
	return t
}

func (r *recorder) newObject(addr uintptr, kind ObjectKind, capacity int) ObjectID {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.newObjectLocked(addr, kind, capacity)
}

func (r *recorder) newObjectLocked(addr uintptr, kind ObjectKind, capacity int) ObjectID {
	r.nextObj++
	id := r.nextObj
	o := &object{Object: Object{ID: id, Kind: kind, Cap: capacity, Name: defaultName(kind, id)}}
	if addr != 0 {
		if n, ok := r.pending[addr]; ok {
			o.Name = n
			delete(r.pending, addr)
		}
		if old, reused := r.addrs[addr]; reused {
			r.ogen.Add(1)
			r.superseded = append(r.superseded, old)
		}
		r.addrs[addr] = id
		r.omap.Store(addr, o)
	}
	r.objects[id] = o
	return id
}

// chanAt returns the channel object at addr, registering it on first use,
// without r.mu in the common case.
func (r *recorder) chanAt(addr uintptr, capacity int, name string) *object {
	if o, ok := r.omap.Load(addr); ok && o.Kind == Chan {
		return o
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.objects[r.objectAtLocked(addr, Chan, capacity, name)]
}

func (r *recorder) objectAt(addr uintptr, kind ObjectKind, capacity int, name string) ObjectID {
	if o, ok := r.omap.Load(addr); ok && o.Kind == kind {
		return o.ID
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.objectAtLocked(addr, kind, capacity, name)
}

func (r *recorder) objectAtLocked(addr uintptr, kind ObjectKind, capacity int, name string) ObjectID {
	if id, ok := r.addrs[addr]; ok && r.objects[id] != nil && r.objects[id].Kind == kind {
		return id
	}
	id := r.newObjectLocked(addr, kind, capacity)
	if name != "" && r.objects[id].Name == defaultName(kind, id) {
		r.objects[id].Name = name
	}
	return id
}

func (r *recorder) name(addr uintptr, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id, ok := r.addrs[addr]; ok {
		r.objects[id].Name = name
	}
	// Also for an object made at addr later: the one there may be a dead
	// object whose memory was reused.
	if len(r.pending) >= maxPendingNames {
		clear(r.pending)
	}
	r.pending[addr] = name
}

// maxPendingNames bounds the names given to addresses with no object yet.
const maxPendingNames = 10_000

func (r *recorder) nameID(id ObjectID, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if o := r.objects[id]; o != nil {
		o.Name = name
	}
}
