package session

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
	"github.com/goconc/goconc/kernel/program"
)

// compileReply reports compile errors with the offending line and a caret
// under the column, the way a learner reads them best.
func compileReply(err error, code string) Reply {
	var errs program.Errors
	if !errors.As(err, &errs) || len(errs) == 0 {
		return errorReply("compile error", err.Error())
	}
	lines := strings.Split(code, "\n")
	var tb []string
	for i, e := range errs {
		if i == 10 {
			tb = append(tb, fmt.Sprintf("(and %d more errors)", len(errs)-10))
			break
		}
		tb = append(tb, e.Error())
		if h := compileHint(e.Msg); h != "" {
			tb = append(tb, "    "+h)
		}
		if e.Line >= 1 && e.Line <= len(lines) && e.Label != "" {
			src := strings.ReplaceAll(lines[e.Line-1], "\t", "    ")
			col := e.Col - 1 + 3*strings.Count(lines[e.Line-1][:min(max(e.Col-1, 0), len(lines[e.Line-1]))], "\t")
			tb = append(tb, "    "+src, "    "+strings.Repeat(" ", max(col, 0))+"^")
		}
	}
	return Reply{Status: "error", Ename: "compile error", Evalue: errs[0].Error(), Traceback: tb}
}

// panicError describes panics of a cell and its goroutines as one error.
func (s *Session) panicError(panics []*evalproto.Panic, label string) (ename, evalue string, tb []string) {
	first := panics[0]
	d := s.prog.Demangle
	tb = append(tb, "panic: "+d(first.Value))
	for i, p := range panics {
		if i > 0 {
			tb = append(tb, "", "and also panic: "+d(p.Value))
		}
		if p.Goroutine != "" {
			tb = append(tb, fmt.Sprintf("in goroutine %s, started at %s", d(p.Goroutine), p.StartedAt))
		} else {
			tb = append(tb, "in the cell's statements")
		}
		// The interpreter gives, for each function a panic went through,
		// where that function starts (Yaegi v0.16.1 recovers with a
		// variable its loop shadows), not the line that panicked: name
		// the functions, without a line that would mislead.
		prev := ""
		for _, f := range p.Frames {
			if name := s.frameName(f); name != prev {
				tb = append(tb, "    "+name)
				prev = name
			}
		}
		if i == 4 && len(panics) > 5 {
			tb = append(tb, fmt.Sprintf("(and %d more goroutines panicked)", len(panics)-5))
			break
		}
	}
	if first.Goroutine != "" {
		tb = append(tb, "", "A Go program stops when any of its goroutines panics, so the cell was stopped. The notebook's variables are kept.")
	}
	return "panic", d(first.Value), tb
}

// frameName names the function of a frame in the user's terms.
func (s *Session) frameName(f evalproto.Frame) string {
	label, line := splitPos(f.Pos)
	if fn := s.prog.Where(label, line); fn != "" {
		return "in " + fn
	}
	if strings.Contains(f.Func, "__goconc_cell") || f.Func == "main" || f.Func == "main.func" && label != "" {
		return "in cell " + label
	}
	return "in " + s.prog.Demangle(strings.TrimPrefix(f.Func, "main."))
}

// splitPos splits "[5]:3:7" into "[5]" and 3.
func splitPos(pos string) (string, int) {
	parts := strings.Split(pos, ":")
	if len(parts) < 2 {
		return pos, 0
	}
	n, _ := strconv.Atoi(parts[1])
	return parts[0], n
}

// crashReply describes how the evaluator died.
func (s *Session) crashReply(r *run) Reply {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p == nil {
		return errorReply("fatal error", "the evaluator stopped")
	}
	<-p.exited
	text := strings.TrimSpace(p.crashText())
	desc := p.exitDescription()
	var tb []string
	ename, evalue := "fatal error", desc
	if text != "" {
		lines := strings.Split(text, "\n")
		evalue = lines[0]
		for _, l := range lines {
			// "runtime: goroutine stack exceeds..." comes before
			// "fatal error: stack overflow", which says it best.
			if strings.HasPrefix(l, "fatal error: ") {
				evalue = l
				break
			}
		}
		evalue = strings.TrimPrefix(evalue, "fatal error: ")
		tb = append(tb, "fatal error: "+evalue)
		if hint := crashHint(evalue); hint != "" {
			tb = append(tb, hint)
		}
		// The goroutine stacks are the interpreter's, which mean nothing
		// to the user: name the goroutine instead.
		if g := crashingGoroutine(lines); g > 0 {
			if name, pos, ok := p.goroutineName(g); ok {
				if pos == "" {
					tb = append(tb, "", fmt.Sprintf("It happened in the statements of %s.", name))
				} else {
					tb = append(tb, "", fmt.Sprintf("It happened in goroutine %s, started at %s.", name, pos))
				}
			}
		}
	} else if p.state != nil && p.state.ExitCode() > 0 {
		ename = "exit"
		evalue = fmt.Sprintf("the cell ended the program with exit status %d (os.Exit or log.Fatal)", p.state.ExitCode())
	} else if p.state != nil && p.state.ExitCode() == 0 {
		ename = "exit"
		evalue = "the cell ended the program (os.Exit(0))"
	}
	tb = append(tb, "", desc+"; goconc started a new one (see the note above).")
	return Reply{Status: "error", Ename: ename, Evalue: evalue, Traceback: tb}
}

// crashingGoroutine finds "goroutine 42 [running]" in a crash report.
func crashingGoroutine(lines []string) int64 {
	for _, l := range lines {
		if strings.HasPrefix(l, "goroutine ") && strings.Contains(l, "[running") {
			n, _ := strconv.ParseInt(strings.Fields(l)[1], 10, 64)
			return n
		}
	}
	return 0
}

// crashHint explains the runtime's fatal errors that learners of
// concurrency meet.
func crashHint(msg string) string {
	switch {
	case strings.HasPrefix(msg, "concurrent map"):
		return "Two goroutines used one map at once, and one of them wrote to it: Go's maps are not safe for that. " +
			"Guard the map with a sync.Mutex, or use a sync.Map. (%%race finds such bugs before they crash.)"
	case msg == "stack overflow":
		return "A goroutine's stack outgrew its limit: a function that calls itself without end?"
	case strings.Contains(msg, "out of memory"):
		return "The program asked for more memory than the system gives."
	case strings.Contains(msg, "unlock of unlocked"):
		return "Unlock was called on a mutex that was not locked: every Unlock needs the Lock before it."
	}
	return ""
}

// deadlockReply explains a deadlock as Go would, and better: each goroutine,
// what it waits on, where, and for how long.
func deadlockReply(gs []evalproto.Goroutine) Reply {
	tb := []string{"fatal error: all goroutines are asleep - deadlock!", ""}
	for _, g := range gs {
		tb = append(tb, describeGoroutine(g)...)
	}
	tb = append(tb, "", "No goroutine can wake another. Go would end the program here; goconc stopped the cell "+
		"and its goroutines instead. The notebook's variables are kept.")
	return Reply{Status: "error", Ename: "fatal error", Evalue: "all goroutines are asleep - deadlock!", Traceback: tb}
}

// leakWarning says which goroutines a cell left blocked, like goleak.
func leakWarning(gs []evalproto.Goroutine) string {
	var b strings.Builder
	if len(gs) == 1 {
		b.WriteString("goconc: warning: 1 goroutine started by this cell is still blocked (leaked, unless a later cell wakes it):\n")
	} else {
		fmt.Fprintf(&b, "goconc: warning: %d goroutines started by this cell are still blocked (leaked, unless a later cell wakes them):\n", len(gs))
	}
	for i, g := range gs {
		if i == 10 {
			fmt.Fprintf(&b, "  ... and %d more\n", len(gs)-10)
			break
		}
		for _, l := range describeGoroutine(g) {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}

// describeGoroutine writes a goroutine and its wait in two lines:
//
//	goroutine worker(3), started at [4]:7:
//	    blocked in chan receive on jobs at [4]:2 for 1.2s
func describeGoroutine(g evalproto.Goroutine) []string {
	head := "goroutine " + g.Name
	if g.Pos != "" {
		head += ", started at " + g.Pos
	} else if strings.HasPrefix(g.Name, "cell") {
		head = "the statements of " + g.Name
	}
	wait := "running"
	if g.Reason != "" {
		wait = "blocked in " + g.Reason
		if g.Object != "" {
			wait += " on " + g.Object
		}
		if g.Where != "" {
			wait += " at " + g.Where
		}
		if g.For > 0 {
			wait += " for " + (time.Duration(g.For) * time.Millisecond).Round(10*time.Millisecond).String()
		}
	}
	return []string{head + ":", "    " + wait}
}

// compileHint explains compile errors that come from what goconc's
// interpreter lacks rather than from the code.
func compileHint(msg string) string {
	for _, p := range []string{"undefined: slices.", "undefined: maps.", "undefined: cmp.", "undefined: sync.OnceValue", "undefined: atomic.Pointer", "undefined: errors.AsType"} {
		if strings.HasPrefix(msg, p) {
			return "(goconc instantiates the standard library's generic code from the Go source tree, GOROOT/src, which it could not read here: install Go, or set GOROOT to it)"
		}
	}
	return ""
}
