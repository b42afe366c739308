package timeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/goconc/goconc/lib/trace"
)

// reasonChars are the characters of blocked spans in text timelines.
var reasonChars = map[trace.Reason]byte{
	trace.ChanSend: 's', trace.ChanRecv: 'r', trace.SelectWait: 'x', trace.MutexLock: 'm',
	trace.RWMutexRLock: 'm', trace.WaitGroupWait: 'w', trace.CondWait: 'c', trace.OnceWait: 'o',
	trace.Sleeping: 'z', trace.ContextDone: 'd', trace.SemaphoreAcquire: 'a', trace.FlightWait: 'f',
	trace.GroupWait: 'g',
}

const textCols = 60

// Text draws t for a terminal: a row per goroutine, '=' where it runs and a
// letter where it is blocked, then the transfers between goroutines and the
// diagnostics.
func Text(t *trace.Trace, opts ...Option) string {
	c := configure(opts)
	return drawText(build(t, c))
}

func drawText(m *model) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d goroutines, %s\n", m.title, m.goroutines(), m.dur(m.duration))
	labelW := 28
	col := func(d float64) int {
		x := int(d / float64(m.duration) * textCols)
		return min(max(x, 0), textCols-1)
	}
	fmt.Fprintf(&b, "%-*s %-*s%s\n", labelW, "", textCols-len(m.dur(m.duration)), "0", m.dur(m.duration))
	used := map[byte]trace.Reason{}
	usedMarks := map[trace.Kind]bool{}
	for i, l := range m.lanes {
		row := make([]byte, textCols)
		for k := range row {
			row[k] = ' '
		}
		for k := col(float64(l.start)); k <= col(float64(l.end)); k++ {
			row[k] = '='
		}
		for _, s := range l.blocked {
			ch := reasonChars[s.reason]
			if ch == 0 {
				ch = '?'
			}
			used[ch] = s.reason
			for k := col(float64(s.from)); k <= col(float64(s.to)); k++ {
				row[k] = ch
			}
		}
		for _, mk := range l.marks {
			if c, ok := markChars[mk.kind]; ok {
				row[col(float64(mk.at))] = c.char
				usedMarks[mk.kind] = true
			}
		}
		end := "|"
		if l.running && i > 0 {
			end = "» still running"
			if l.finalWhy != "" {
				end = "» blocked: " + l.finalWhy
			}
		}
		label := l.title
		if l.pos != "" {
			label += " @ " + l.pos
		}
		fmt.Fprintf(&b, "%-*s %s%s\n", labelW, ellipsis(label, labelW), strings.TrimRight(string(row), " "), end)
	}
	var legend []string
	legend = append(legend, "= running")
	var keys []byte
	for k := range used {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		legend = append(legend, fmt.Sprintf("%c %s", k, used[k]))
	}
	for _, k := range []trace.Kind{trace.EvClose, trace.EvCancel, trace.EvPanic, trace.EvDeadlock, trace.EvHighlight} {
		if usedMarks[k] {
			legend = append(legend, fmt.Sprintf("%c %s", markChars[k].char, markChars[k].name))
		}
	}
	fmt.Fprintf(&b, "%-*s %s\n", labelW, "", strings.Join(legend, "  "))
	var moves []string
	for _, a := range m.arrows {
		if a.label == "go" || a.from == a.to {
			continue
		}
		verb := "→"
		if a.handoff {
			verb = "⇢ lock"
		}
		moves = append(moves, fmt.Sprintf("  %8s  %s %s %s  %s", m.dur(a.recvd), m.lanes[a.from].title, verb, m.lanes[a.to].title, m.arrowLabel(a)))
	}
	if len(moves) > 0 {
		b.WriteString("transfers:\n")
		for i, mv := range moves {
			if i == 20 {
				fmt.Fprintf(&b, "  ... and %d more\n", len(moves)-20)
				break
			}
			b.WriteString(mv + "\n")
		}
	}
	for _, d := range m.diag {
		b.WriteString(d + "\n")
	}
	for _, n := range m.notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

// markChars are the letters of instant events in text timelines.
var markChars = map[trace.Kind]struct {
	char byte
	name string
}{
	trace.EvClose:    {'X', "close"},
	trace.EvCancel:   {'#', "cancel"},
	trace.EvPanic:    {'!', "panic"},
	trace.EvDeadlock: {'D', "deadlock"},
	// In an explored run: where the run departs from another.
	trace.EvHighlight: {'*', "where this run differs"},
}
