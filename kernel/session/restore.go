package session

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/evalproto"
)

// replayTimeout bounds each cell re-run during a restore.
const replayTimeout = 60 * time.Second

// restore starts a new evaluator, gives it the program and, unless %replay
// is off, re-runs the cells that had succeeded, with their output hidden.
// It tells the user in r's output.
func (s *Session) restore(ctx context.Context, r *run, why string) (Reply, bool) {
	s.mu.Lock()
	old := s.proc
	s.proc = nil
	replay := s.settings.Replay
	timeout := s.settings.Timeout
	s.mu.Unlock()
	if old != nil {
		old.kill()
		select {
		case <-old.exited:
		case <-time.After(5 * time.Second):
		}
		old.forget()
	}
	began := time.Now()
	if err := s.start(); err != nil {
		return errorReply("kernel error", "goconc could not start a new evaluator: "+err.Error()), false
	}
	chunks, err := s.prog.Chunks()
	if err != nil {
		return errorReply("kernel error", "goconc could not rebuild the program: "+err.Error()), false
	}
	hr := s.hiddenRun("[restore]")
	if ev, crashed := s.runChunks(ctx, hr, chunks, cellOptions{}); crashed || ev.Status != evalproto.StatusOK {
		return errorReply("kernel error", "goconc could not give the new evaluator the program's declarations: "+ev.Error), false
	}
	var replayed, failed []string
	if replay {
		if timeout == 0 || timeout > replayTimeout {
			timeout = replayTimeout
		}
		labels, srcs := s.prog.ReplayCells()
		for i := range labels {
			u, err := s.prog.Replay(labels[i], srcs[i])
			if err != nil {
				failed = append(failed, fmt.Sprintf("%s (%v)", labels[i], firstLine(err.Error())))
				continue
			}
			hr := s.hiddenRun(labels[i])
			s.mu.Lock()
			prev := s.current
			s.current = hr
			s.mu.Unlock()
			ev, crashed := s.runChunks(ctx, hr, u.Body, cellOptions{timeout: timeout})
			s.mu.Lock()
			s.current = prev
			s.mu.Unlock()
			hr.mu.Lock()
			panicked := len(hr.panics) > 0
			hr.mu.Unlock()
			switch {
			case crashed:
				failed = append(failed, labels[i]+" (the evaluator died again; replay stopped)")
				s.start()
				if chunks, err := s.prog.Chunks(); err == nil {
					s.runChunks(ctx, s.hiddenRun("[restore]"), chunks, cellOptions{})
				}
				i = len(labels)
			case ev.Status != evalproto.StatusOK || panicked:
				failed = append(failed, fmt.Sprintf("%s (%s)", labels[i], ev.Status))
			default:
				replayed = append(replayed, labels[i])
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "goconc: %s, so it started a new evaluator and restored the session: ", why)
	switch {
	case !replay:
		b.WriteString("declarations are back; %replay is off, so variables were reset to zero values.")
	case len(replayed) == 0 && len(failed) == 0:
		b.WriteString("declarations are back (no earlier cell to re-run).")
	default:
		fmt.Fprintf(&b, "declarations are back and %d earlier cell(s) were re-run silently", len(replayed))
		if len(replayed) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(replayed, " "))
		}
		fmt.Fprintf(&b, " in %.1fs.", time.Since(began).Seconds())
		if len(failed) > 0 {
			fmt.Fprintf(&b, " Could not re-run: %s.", strings.Join(failed, ", "))
		}
		b.WriteString(" (%replay off turns this off.)")
	}
	b.WriteString("\n")
	r.streams.write("stderr", b.String())
	return Reply{}, true
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
