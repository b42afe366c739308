package explore

import (
	"reflect"
)

// Channel operations of a run never block in the runtime: a goroutine that
// would block waits for its turn instead, with its operation on offer. An
// attempt completes the operation with the channel's buffer, with the
// offer of a waiting goroutine (an unbuffered channel's rendezvous, the
// value moved directly from one to the other), or with a closed channel;
// when several cases of a select could proceed, the schedule chooses.

// Case is one case of a select: a send of Value on Chan, or a receive from
// Chan into Value, which must be settable.
type Case struct {
	Dir   reflect.SelectDir // reflect.SelectSend or reflect.SelectRecv
	Chan  reflect.Value
	Value reflect.Value
}

// selectOp is a select (or a lone send or receive) of a goroutine.
type selectOp struct {
	cases      []Case
	chosen     int
	recvOK     bool
	closedSend bool
}

// option is a way a select can proceed.
type option struct {
	i       int // the case
	partner *G  // the goroutine on the other side of a rendezvous
	pj      int // its case
	closed  bool
}

// Select runs a select statement of g (a lone send or receive is a select
// of one case): a scheduling point, then one of the cases that can
// proceed, as the schedule chooses. If none can, it returns -1 when
// hasDefault, and otherwise calls onBlock and waits, as Wait does, until an
// attempt made for it succeeds.
//
// It returns the case chosen; for a receive, whether the value came from a
// send (false: the channel is closed); closedSend when the chosen send is
// on a closed channel, where the caller must panic as Go does (sending
// again gets Go's own panic). ok is false if the run ended.
func (g *G) Select(cases []Case, hasDefault bool, onBlock func()) (chosen int, recvOK, closedSend, ok bool) {
	if !g.Point() {
		return 0, false, false, false
	}
	op := &selectOp{cases: cases, chosen: -1}
	r := g.r
	r.mu.Lock()
	if r.attempt(g, op) {
		r.mu.Unlock()
		return op.chosen, op.recvOK, op.closedSend, true
	}
	r.mu.Unlock()
	if hasDefault {
		return -1, false, false, true
	}
	if onBlock != nil {
		onBlock()
	}
	r.mu.Lock()
	if r.over.Load() {
		r.mu.Unlock()
		return 0, false, false, false
	}
	g.state, g.sel, g.tried = blocked, op, r.gen+1
	g.try = func() bool { return r.attempt(g, op) }
	if !r.switchFrom(g) {
		return 0, false, false, false
	}
	return op.chosen, op.recvOK, op.closedSend, true
}

// Close closes ch after a scheduling point; it panics as close does. It
// reports false if the run ended first.
func (g *G) Close(ch reflect.Value) bool {
	if !g.Point() {
		return false
	}
	ch.Close()
	r := g.r
	r.mu.Lock()
	r.closed[ch.Pointer()] = true
	r.mu.Unlock()
	return true
}

// attempt completes op of owner if one of its cases can proceed now.
// r.mu is held.
func (r *Run) attempt(owner *G, op *selectOp) bool {
	var opts []option
	for i, c := range op.cases {
		ch := c.Chan
		if !ch.IsValid() || ch.IsNil() {
			continue // a nil channel is never ready
		}
		p := ch.Pointer()
		send := c.Dir == reflect.SelectSend
		switch {
		case !send && ch.Len() > 0:
			// Buffered values are received before a close shows.
			opts = append(opts, option{i: i})
		case r.closed[p]:
			opts = append(opts, option{i: i, closed: true})
		case send && ch.Cap() > 0:
			if ch.Len() < ch.Cap() {
				opts = append(opts, option{i: i})
			}
		case ch.Cap() == 0:
			opts = r.partners(opts, owner, i, p, send)
		}
	}
	if len(opts) == 0 {
		var done bool
		if opts, done = r.probe(op); done {
			return true
		}
		if len(opts) == 0 {
			return false
		}
	}
	o := opts[r.strat.choose(len(opts))]
	c := op.cases[o.i]
	op.chosen = o.i
	switch {
	case o.closed && c.Dir == reflect.SelectSend:
		op.closedSend = true
	case o.closed:
		c.Value.Set(reflect.Zero(c.Value.Type()))
		op.recvOK = false
	case o.partner != nil:
		q := o.partner.sel
		if c.Dir == reflect.SelectSend {
			q.cases[o.pj].Value.Set(c.Value)
			q.recvOK = true
		} else {
			c.Value.Set(q.cases[o.pj].Value)
			op.recvOK = true
		}
		q.chosen = o.pj
		o.partner.state = runnable
		o.partner.try, o.partner.sel = nil, nil
	case c.Dir == reflect.SelectSend:
		if !c.Chan.TrySend(c.Value) {
			panic("explore: a buffered send found room and then none")
		}
	default:
		v, ok := c.Chan.TryRecv()
		if !v.IsValid() {
			panic("explore: a buffered receive found a value and then none")
		}
		c.Value.Set(v)
		op.recvOK = ok
	}
	return true
}

// partners adds the rendezvous that case i (on the unbuffered channel at p)
// can make with the waiting goroutines of the run.
func (r *Run) partners(opts []option, owner *G, i int, p uintptr, send bool) []option {
	for _, q := range r.all {
		if q == owner || q.state != blocked || q.sel == nil {
			continue
		}
		for j, qc := range q.sel.cases {
			if qc.Chan.IsValid() && !qc.Chan.IsNil() && qc.Chan.Pointer() == p && (qc.Dir == reflect.SelectSend) != send {
				opts = append(opts, option{i: i, partner: q, pj: j})
			}
		}
	}
	return opts
}

// probe looks, without waiting, at what the run cannot know: a channel
// closed by code outside it (a context's Done channel), a partner outside
// it. A probe that finds a value to receive, or a receiver for a send,
// has completed that case: done is true. Closed channels found are
// returned as options.
func (r *Run) probe(op *selectOp) (opts []option, done bool) {
	for i, c := range op.cases {
		ch := c.Chan
		if !ch.IsValid() || ch.IsNil() {
			continue
		}
		if c.Dir == reflect.SelectRecv {
			k, v, ok := reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: ch}, {Dir: reflect.SelectDefault}})
			if k != 0 {
				continue
			}
			if !ok {
				r.closed[ch.Pointer()] = true
				opts = append(opts, option{i: i, closed: true})
				continue
			}
			c.Value.Set(v)
			op.chosen, op.recvOK = i, true
			return nil, true
		}
		sent, closed := trySend(ch, c.Value)
		if closed {
			r.closed[ch.Pointer()] = true
			opts = append(opts, option{i: i, closed: true})
			continue
		}
		if sent {
			op.chosen = i
			return nil, true
		}
	}
	return opts, false
}

// trySend sends v on ch if it can without waiting; closed says ch was
// closed (the send panicked).
func trySend(ch, v reflect.Value) (sent, closed bool) {
	defer func() {
		if recover() != nil {
			sent, closed = false, true
		}
	}()
	return ch.TrySend(v), false
}
