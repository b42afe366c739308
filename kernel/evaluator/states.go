package evaluator

import (
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/lib/trace"
)

// States returns the state of every goroutine started by cells.
func States() []evalproto.Goroutine {
	var out []evalproto.Goroutine
	now := time.Now()
	for _, s := range trace.States() {
		if s.Pos == "" {
			continue // not started by a cell
		}
		out = append(out, protoState(s, now))
	}
	return out
}

// protoState describes s for the supervisor.
func protoState(s trace.State, now time.Time) evalproto.Goroutine {
	g := evalproto.Goroutine{ID: s.G, Name: s.Name, Pos: s.Pos, Cell: s.Label, Object: s.Object, Where: s.Where}
	if s.Reason != trace.NotBlocked {
		g.Reason = s.Reason.String()
		if s.Obj == 0 && (s.Reason == trace.ChanSend || s.Reason == trace.ChanRecv) {
			// No channel to name: a nil one, which blocks for ever. Go's
			// goroutine dumps say so the same way.
			g.Reason += " (nil chan)"
		}
		g.Timed = s.Timed
		g.For = now.Sub(s.Since).Milliseconds()
	}
	return g
}
