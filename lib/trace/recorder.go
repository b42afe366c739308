package trace

import (
	"sort"
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

	mu      sync.Mutex
	clock   func() time.Duration
	began   time.Time
	buf     buffer
	max     int
	dropped int
	mainG   int64

	nextObj ObjectID
	objects map[ObjectID]*object
	addrs   map[uintptr]ObjectID
	pending map[uintptr]string

	gs    map[int64]*gstate
	ended int // goroutines in gs that have ended

	timers   map[int64]time.Time // functions of AfterFunc not started yet, and when they are due
	timerSeq int64
	closing  map[uintptr]closing // channels a timer closes, by address
}

// object is an Object with what the recorder counts of it.
type object struct {
	Object
	seq [2]int64 // sends and receives, to pair them
}

// gstate is what the recorder knows of one goroutine.
type gstate struct {
	id       int64
	name     string
	pos      string
	parent   int64
	label    string
	start    time.Duration // -1 if before the current trace
	end      time.Duration
	ended    bool
	panic    string
	acted    bool // has events in the current trace
	reason   Reason
	timed    bool // a timer ends the wait if nobody else does
	obj      ObjectID
	blockPos string
	since    time.Time
	at       string // where the host says the goroutine is
	order    int64  // its ticket's order; 0 if unknown
}

// maxEndedGoroutines bounds how many finished goroutines are remembered, so
// that a goroutine bomb cannot grow the registry without end.
const maxEndedGoroutines = 200_000

func (r *recorder) now() time.Duration {
	if r.clock != nil {
		return r.clock()
	}
	return time.Since(r.began)
}

// g returns the state of goroutine id, creating it if unknown. r.mu is held.
func (r *recorder) g(id int64) *gstate {
	s := r.gs[id]
	if s == nil {
		s = &gstate{id: id, start: -1, end: -1}
		r.gs[id] = s
	}
	return s
}

// add appends an event. r.mu is held.
func (r *recorder) add(e Event) {
	if !r.on.Load() {
		return
	}
	e.At = r.now()
	if r.buf.len() >= r.max {
		r.dropped++
		return
	}
	r.buf.append(e)
}

func (r *recorder) start(c config) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clock = c.clock
	r.max = c.max
	r.began = time.Now()
	r.buf.reset()
	r.dropped = 0
	r.forgetEnded()
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
		o.seq = [2]int64{}
	}
	r.on.Store(true)
}

// forgetEnded drops goroutines that ended. r.mu is held.
func (r *recorder) forgetEnded() {
	for id, s := range r.gs {
		if s.ended {
			delete(r.gs, id)
		}
	}
	r.ended = 0
}

func (r *recorder) stop() *Trace {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.build()
	r.on.Store(false)
	r.buf.reset()
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
	r.buf.reset()
	r.dropped = 0
}

// build makes a Trace of the current recording. r.mu is held.
func (r *recorder) build() *Trace {
	t := &Trace{Start: r.began, Dropped: r.dropped, MaxEvents: r.max}
	if r.began.IsZero() {
		return t
	}
	t.Duration = r.now()
	t.Events = r.buf.copyOut()
	used := map[ObjectID]bool{}
	actedG := map[int64]bool{}
	for _, e := range t.Events {
		if e.Obj != 0 {
			used[e.Obj] = true
		}
		actedG[e.G] = true
	}
	for g := range actedG {
		if s := r.gs[g]; s != nil {
			s.acted = true
		}
	}
	for _, s := range r.gs {
		if !s.acted && s.id != r.mainG {
			continue
		}
		g := Goroutine{
			ID: s.id, Name: s.name, Pos: s.pos, Parent: s.parent, Label: s.label,
			Start: s.start, End: s.end, Panic: s.panic, order: s.order,
		}
		if !s.ended {
			g.Blocked, g.BlockedOn, g.BlockedAt = s.reason, s.obj, s.blockPos
			if s.obj != 0 {
				used[s.obj] = true
			}
		}
		t.Goroutines = append(t.Goroutines, g)
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
		r.addrs[addr] = id
	}
	r.objects[id] = o
	return id
}

func (r *recorder) objectAt(addr uintptr, kind ObjectKind, capacity int, name string) ObjectID {
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
