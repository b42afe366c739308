package trace

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestCompleteHandoffs(t *testing.T) {
	const ch ObjectID = 7
	block := func(at, g int64, r Reason) Event { return Event{At: dur(at), G: g, Kind: EvBlock, Reason: r, Obj: ch} }
	send := func(at, g, seq int64) Event { return Event{At: dur(at), G: g, Kind: EvSend, Obj: ch, Arg: seq} }
	recv := func(at, g, seq int64) Event { return Event{At: dur(at), G: g, Kind: EvRecv, Obj: ch, Arg: seq} }
	tests := []struct {
		name    string
		events  []Event
		blocked map[int64]Reason // goroutines still recorded as blocked on ch
		want    string           // the events after, and who is still blocked
	}{
		{"sender woken by a receive, not yet run",
			[]Event{block(1, 2, ChanSend), recv(2, 1, 1)}, map[int64]Reason{2: ChanSend},
			"1:G2 block | 2:G1 recv#1 | 2:G2 send#1 | blocked: none"},
		{"receiver woken by a send, not yet run",
			[]Event{block(1, 1, ChanRecv), send(2, 2, 1)}, map[int64]Reason{1: ChanRecv},
			"1:G1 block | 2:G2 send#1 | 2:G1 recv#1 | blocked: none"},
		{"the first of two waiting senders is the one woken",
			[]Event{block(1, 3, ChanSend), block(2, 2, ChanSend), recv(3, 1, 1)}, map[int64]Reason{2: ChanSend, 3: ChanSend},
			"1:G3 block | 2:G2 block | 3:G1 recv#1 | 3:G3 send#1 | blocked: G2"},
		{"a hand-off both sides recorded is left alone",
			[]Event{block(1, 2, ChanSend), recv(2, 1, 1), send(2, 2, 1), block(3, 2, ChanSend)}, map[int64]Reason{2: ChanSend},
			"1:G2 block | 2:G1 recv#1 | 2:G2 send#1 | 3:G2 block | blocked: G2"},
		{"a receive before the sender blocked is not its hand-off",
			[]Event{recv(1, 1, 1), block(2, 2, ChanSend)}, map[int64]Reason{2: ChanSend},
			"1:G1 recv#1 | 2:G2 block | blocked: G2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &Trace{Events: tt.events}
			for _, id := range []int64{1, 2, 3} {
				g := Goroutine{ID: id}
				if r, ok := tt.blocked[id]; ok {
					g.Blocked, g.BlockedOn = r, ch
				}
				tr.Goroutines = append(tr.Goroutines, g)
			}
			completeHandoffs(tr)
			var parts []string
			for _, e := range tr.Events {
				s := fmt.Sprintf("%d:G%d %s", e.At/dur(1), e.G, map[Kind]string{EvBlock: "block", EvSend: "send", EvRecv: "recv"}[e.Kind])
				if e.Arg != 0 {
					s += fmt.Sprintf("#%d", e.Arg)
				}
				parts = append(parts, s)
			}
			still := []string{}
			for _, g := range tr.Goroutines {
				if g.BlockedOn != 0 {
					still = append(still, fmt.Sprintf("G%d", g.ID))
				}
			}
			if len(still) == 0 {
				still = []string{"none"}
			}
			got := strings.Join(parts, " | ") + " | blocked: " + strings.Join(still, ",")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func dur(n int64) time.Duration { return time.Duration(n) * time.Microsecond }
