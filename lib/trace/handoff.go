package trace

import "sort"

// A goroutine records the end of its wait on a channel when it runs again,
// which on a busy machine can be well after the hand-off that woke it: a
// trace stopped in between (a cell ends as soon as its receive returns)
// would show the sender still blocked, with no arrow for the value the
// receiver got, and list it as left behind. The events say what happened
// all the same: a receive on a channel whose send is not recorded took its
// value from a goroutine blocked sending on that channel, the one that
// blocked first, since Go wakes waiting senders in the order they came (and
// the same for receivers). completeHandoffs writes the send (or receive)
// the woken goroutine had not recorded yet, at the time of the hand-off,
// and ends its wait there.

// completeHandoffs completes the hand-offs of t whose woken side is still
// recorded as blocked. t.Events is in time order, and stays so.
func completeHandoffs(t *Trace) {
	type waiter struct {
		g     *Goroutine
		since int // index in t.Events of its block
	}
	waiting := map[ObjectID][]waiter{}
	var blocked []*Goroutine
	for i := range t.Goroutines {
		g := &t.Goroutines[i]
		if g.BlockedOn != 0 && (g.Blocked == ChanSend || g.Blocked == ChanRecv) {
			blocked = append(blocked, g)
		}
	}
	if len(blocked) == 0 {
		return
	}
	// Sends and receives recorded on the channels they wait on.
	type ends struct{ sends, recvs map[int64]bool }
	ops := map[ObjectID]*ends{}
	for _, g := range blocked {
		ops[g.BlockedOn] = &ends{map[int64]bool{}, map[int64]bool{}}
	}
	lastBlock := map[int64]int{}
	for i, e := range t.Events {
		if e.Kind == EvBlock {
			lastBlock[e.G] = i
		}
		o := ops[e.Obj]
		if o == nil || e.Arg == 0 {
			continue
		}
		switch e.Kind {
		case EvSend:
			o.sends[e.Arg] = true
		case EvRecv:
			o.recvs[e.Arg] = true
		}
	}
	for _, g := range blocked {
		if i, ok := lastBlock[g.ID]; ok {
			waiting[g.BlockedOn] = append(waiting[g.BlockedOn], waiter{g, i})
		}
	}
	var added []Event
	for obj, ws := range waiting {
		sort.Slice(ws, func(i, j int) bool { return ws[i].since < ws[j].since })
		o := ops[obj]
		for i, e := range t.Events {
			var woken Kind
			switch {
			case e.Obj != obj || e.Arg == 0:
				continue
			case e.Kind == EvRecv && !o.sends[e.Arg]:
				woken = EvSend
			case e.Kind == EvSend && !o.recvs[e.Arg]:
				woken = EvRecv
			default:
				continue
			}
			// The first goroutine that was waiting, on the other side, when
			// the operation happened.
			for k, w := range ws {
				if w.g == nil || w.since >= i || (w.g.Blocked == ChanSend) != (woken == EvSend) {
					continue
				}
				added = append(added, Event{At: e.At, G: w.g.ID, Kind: woken, Obj: obj, Arg: e.Arg, Pos: w.g.BlockedAt})
				if woken == EvSend {
					o.sends[e.Arg] = true
				} else {
					o.recvs[e.Arg] = true
				}
				w.g.Blocked, w.g.BlockedOn, w.g.BlockedAt = NotBlocked, 0, ""
				ws[k].g = nil
				break
			}
		}
	}
	if len(added) == 0 {
		return
	}
	sort.SliceStable(added, func(i, j int) bool { return added[i].At < added[j].At })
	t.Events = mergeByTime([][]Event{t.Events, added})
}
