// Package interleaving says what made two runs of a concurrent cell end
// differently, from their traces.
//
// Two runs that end differently must have done some conflicting
// operations in a different order: two accesses to the same variable, at
// least one a write; two operations on the same lock, channel or
// WaitGroup. Explain finds the first such pair of a run whose order is the
// reverse of the reference run's (for a racy counter, one goroutine's read
// of the counter coming before the other's write), or, first of all, a
// lost update inside the run itself. That is what made the run different,
// what Difference.Text says in words, and what Difference.Mark points at on
// the run's timeline.
//
// Goroutines are matched across runs by their paths (explore.G.Path: their
// place in the tree of go statements), which no schedule changes, not by
// their ids.
package interleaving

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/goconc/goconc/lib/trace"
)

// A Run is one run of a cell: its trace, and each goroutine's path.
type Run struct {
	Trace *trace.Trace
	Paths map[int64]string // goroutine id -> explore.G.Path
}

// op is an operation of a run that can conflict with another.
type op struct {
	id    string // goroutine path, object and count: the same op in any run
	g     int64  // the goroutine, in this run
	obj   string // "var counter", "lock mu", "chan jobs", "wg wg"
	write bool
	verb  string // "read", "wrote", "locked"...
	where string
	event int // index in the trace's events
}

func (a op) conflicts(b op) bool {
	return a.obj == b.obj && a.g != b.g && (a.write || b.write)
}

// ops lists the conflicting operations of a run, in the order they
// happened. A wait followed by the operation it waited for is one
// operation, at the wait: that is when the goroutine tried.
func ops(s Run) []op {
	if s.Trace == nil {
		return nil
	}
	names := map[trace.ObjectID]string{}
	for _, o := range s.Trace.Objects {
		names[o.ID] = o.Name
	}
	name := func(id trace.ObjectID) string {
		if n := names[id]; n != "" {
			return n
		}
		return fmt.Sprintf("object%d", id)
	}
	var out []op
	count := map[string]int{}
	waiting := map[string]bool{} // path|obj of a wait not yet ended by its operation
	add := func(i int, e trace.Event, obj, verb string, write bool) {
		path, ok := s.Paths[e.G]
		if !ok {
			return
		}
		key := path + "|" + obj
		if waiting[key] {
			delete(waiting, key)
			return // the operation its wait was for: already counted
		}
		count[key]++
		out = append(out, op{id: fmt.Sprintf("%s#%d", key, count[key]), g: e.G, obj: obj, write: write, verb: verb, where: e.Pos, event: i})
	}
	for i, e := range s.Trace.Events {
		switch e.Kind {
		case trace.EvAccess:
			v, _, _ := strings.Cut(e.Text, " = ")
			if e.Arg == 'w' {
				add(i, e, "var "+v, "wrote", true)
			} else {
				add(i, e, "var "+v, "read", false)
			}
		case trace.EvLock, trace.EvUnlock:
			verb := map[trace.Kind]string{trace.EvLock: "locked", trace.EvUnlock: "unlocked"}[e.Kind]
			add(i, e, "lock "+name(e.Obj), verb, true)
		case trace.EvSend:
			add(i, e, "chan "+name(e.Obj), "sent on", true)
		case trace.EvRecv:
			add(i, e, "chan "+name(e.Obj), "received from", true)
		case trace.EvClose:
			add(i, e, "chan "+name(e.Obj), "closed", true)
		case trace.EvWaitGroupAdd:
			add(i, e, "wg "+name(e.Obj), "changed the count of", true)
		case trace.EvBlock:
			var obj, verb string
			switch e.Reason {
			case trace.MutexLock, trace.RWMutexRLock:
				obj, verb = "lock "+name(e.Obj), "locked"
			case trace.ChanSend:
				obj, verb = "chan "+name(e.Obj), "sent on"
			case trace.ChanRecv:
				obj, verb = "chan "+name(e.Obj), "received from"
			case trace.WaitGroupWait:
				obj = "wg " + name(e.Obj)
				add(i, e, obj, "waited for", false)
				continue
			default:
				continue
			}
			add(i, e, obj, verb, true)
			if path, ok := s.Paths[e.G]; ok {
				waiting[path+"|"+obj] = true
			}
		}
	}
	return out
}

// A Difference is what made a run differ from the reference: the
// operations it points at, in the order they happened, and what they did.
type Difference struct {
	ops  []op
	kind int // interleaved, reversed or alone
}

const (
	interleaved = iota // ops[1] came between ops[0], a read, and ops[2], the write that follows it
	reversed           // ops[0] came before ops[1]; in the reference, after
	alone              // ops[0] has no counterpart in the reference
)

// Explain returns what made s differ from ref. It looks first in s alone,
// for an access of another goroutine between one goroutine's read of a
// variable and its next access, a write (a lost update, a check then an
// act); then for the first conflicting pair whose order is the reverse of
// ref's; then for an operation ref does not have.
func Explain(ref, s Run) (Difference, bool) {
	sops := ops(s)
	if d, ok := interleaving(sops); ok {
		return d, true
	}
	rops := ops(ref)
	at := make(map[string]int, len(rops))
	for i, o := range rops {
		at[o.id] = i
	}
	// A WaitGroup's count is usually a consequence: look at variables,
	// locks and channels first.
	for _, counts := range []bool{false, true} {
		if d, ok := firstReversed(sops, at, counts); ok {
			return d, true
		}
	}
	for _, b := range sops {
		if _, ok := at[b.id]; !ok {
			return Difference{ops: []op{b}, kind: alone}, true
		}
	}
	return Difference{}, false
}

// firstReversed returns the first conflicting pair of sops in the reverse
// order of the reference's (at: each op's index there), on WaitGroups only
// if counts.
func firstReversed(sops []op, at map[string]int, counts bool) (Difference, bool) {
	for j, b := range sops {
		rb, okb := at[b.id]
		if !okb || strings.HasPrefix(b.obj, "wg ") != counts {
			continue
		}
		// The earliest operation before b that conflicts with it and
		// came after it in the reference.
		for i := 0; i < j; i++ {
			a := sops[i]
			if !a.conflicts(b) {
				continue
			}
			if ra, ok := at[a.id]; ok && rb < ra {
				return Difference{ops: []op{a, b}, kind: reversed}, true
			}
		}
	}
	return Difference{}, false
}

// interleaving finds the first access of a variable by a goroutine between
// another's read of it and that one's next access, a write.
func interleaving(sops []op) (Difference, bool) {
	best := Difference{}
	found := false
	for i, a := range sops {
		if a.write || !strings.HasPrefix(a.obj, "var ") {
			continue
		}
		var between *op
		for j := i + 1; j < len(sops); j++ {
			b := sops[j]
			if b.obj != a.obj {
				continue
			}
			if b.g != a.g {
				if between == nil {
					between = &sops[j]
				}
				continue
			}
			if b.write && between != nil && (!found || between.event < best.ops[1].event) {
				best, found = Difference{ops: []op{a, *between, b}, kind: interleaved}, true
			}
			break
		}
	}
	return best, found
}

// goroutineNames names the goroutines of a run for people.
func goroutineNames(s Run) map[int64]string {
	titles := map[int64]string{}
	for _, g := range s.Trace.Goroutines {
		titles[g.ID] = g.Title()
	}
	return Names(titles, s.Paths)
}

// Names names goroutines for people: by their titles, numbered where
// several share one ("func #2") in the order the code started them (their
// paths, explore.G.Path), which no schedule changes.
func Names(titles map[int64]string, paths map[int64]string) map[int64]string {
	ids := make([]int64, 0, len(titles))
	for id := range titles {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return pathLess(paths[ids[i]], paths[ids[j]]) })
	byTitle := map[string][]int64{}
	var order []string
	for _, id := range ids {
		title := titles[id]
		if len(byTitle[title]) == 0 {
			order = append(order, title)
		}
		byTitle[title] = append(byTitle[title], id)
	}
	out := map[int64]string{}
	for _, title := range order {
		ids := byTitle[title]
		for i, id := range ids {
			if len(ids) == 1 {
				out[id] = title
			} else {
				out[id] = fmt.Sprintf("%s #%d", title, i+1)
			}
		}
	}
	return out
}

// pathLess orders places in a run ("0.2" before "0.10"); goroutines
// outside the run ("") come last.
func pathLess(a, b string) bool {
	if a == "" || b == "" {
		return b == "" && a != ""
	}
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, _ := strconv.Atoi(as[i])
		y, _ := strconv.Atoi(bs[i])
		if x != y {
			return x < y
		}
	}
	return len(as) < len(bs)
}

// Text says the difference of run s in words; ref is the reference run's
// number for people ("in outcome 1 it was the other way round").
func (d Difference) Text(s Run, ref int) string {
	names := goroutineNames(s)
	what := func(o op) string {
		_, obj, _ := strings.Cut(o.obj, " ")
		return obj
	}
	at := func(o op) string {
		if o.where == "" {
			return ""
		}
		return " (" + o.where + ")"
	}
	o := d.ops
	switch d.kind {
	case interleaved:
		if o[1].write {
			return fmt.Sprintf("%s wrote %s%s after %s read it and before it wrote it back%s: one of the two updates is lost",
				names[o[1].g], what(o[1]), at(o[1]), names[o[0].g], at(o[2]))
		}
		return fmt.Sprintf("%s read %s%s after %s read it and before it wrote it%s: both worked from the same value",
			names[o[1].g], what(o[1]), at(o[1]), names[o[0].g], at(o[2]))
	case alone:
		return fmt.Sprintf("%s %s %s%s, which no goroutine did in outcome %d", names[o[0].g], o[0].verb, what(o[0]), at(o[0]), ref)
	}
	return fmt.Sprintf("%s %s %s%s before %s %s it%s; in outcome %d it was the other way round",
		names[o[0].g], o[0].verb, what(o[0]), at(o[0]), names[o[1].g], o[1].verb, at(o[1]), ref)
}

// Mark returns a copy of the run's trace t with the difference's
// operations marked: EvHighlight events right after them, numbered in
// order, carrying text.
func (d Difference) Mark(t *trace.Trace, text string) *trace.Trace {
	marks := map[int]int64{}
	for i, o := range d.ops {
		marks[o.event] = int64(i + 1)
	}
	out := *t
	out.Events = make([]trace.Event, 0, len(t.Events)+len(d.ops))
	for i, e := range t.Events {
		out.Events = append(out.Events, e)
		if n, ok := marks[i]; ok {
			out.Events = append(out.Events, trace.Event{At: e.At, G: e.G, Kind: trace.EvHighlight, Arg: n, Text: text, Pos: e.Pos})
		}
	}
	return &out
}
