package session

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/gotool"
	"github.com/goconc/goconc/kernel/program"
)

// runTool runs a cell with the Go toolchain (%%race, %%vet): as a compiled
// program of its own, apart from the interpreter, whose state it leaves as
// it was. An interrupt or %timeout kills it.
func (s *Session) runTool(ctx context.Context, r *run, label, code string, opts cellOptions) Reply {
	// The prelude's Display is goconc's: a plain program has no frontend.
	src, err := s.prog.Standalone(label, code, program.PreludeLabel)
	if err != nil {
		return compileReply(err, code)
	}
	if strings.Contains(src, `"github.com/goconc/goconc/kernel/display"`) {
		return errorReply(string(opts.tool)+" error", "this cell uses goconc's display package, which a compiled program cannot: "+
			"%%race and %%vet run the cell as a plain Go program; print with fmt instead")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opts.timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeout(ctx, opts.timeout)
		defer stop()
	}
	s.mu.Lock()
	s.current = r
	s.mu.Unlock()
	r.mu.Lock()
	r.stopTool = cancel
	if r.interrupted { // before stopTool was there to call
		cancel()
	}
	r.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.current, s.last = nil, r
		s.mu.Unlock()
		r.mu.Lock()
		r.stopTool, r.finished = nil, true
		r.mu.Unlock()
	}()
	what := map[gotool.Mode]string{gotool.Race: "the race detector", gotool.Vet: "go vet"}[opts.tool]
	rep, err := gotool.Run(ctx, opts.tool, src, streamWriter{r, "stdout"}, streamWriter{r, "stderr"})
	switch {
	case ctx.Err() != nil && opts.timeout > 0 && ctx.Err() == context.DeadlineExceeded:
		return errorReply("Timeout", fmt.Sprintf("the cell ran longer than its %v time limit (%%timeout) and was stopped", opts.timeout))
	case ctx.Err() != nil:
		return errorReply("Interrupted", "the cell was interrupted; the compiled program was killed")
	case err != nil:
		return errorReply(string(opts.tool)+" error", err.Error())
	}
	if opts.tool == gotool.Vet {
		if len(rep.Findings) > 0 {
			return Reply{Status: "error", Ename: "vet", Evalue: fmt.Sprintf("go vet found %d problem(s)", len(rep.Findings)), Traceback: rep.Findings}
		}
		r.streams.write("stdout", fmt.Sprintf("goconc: go vet found nothing wrong (%.1fs)\n", rep.Build.Seconds()))
		return Reply{Status: "ok"}
	}
	if len(rep.Races) > 0 {
		tb := []string{fmt.Sprintf("WARNING: %d data race(s) found by %s:", len(rep.Races), what)}
		for i, race := range rep.Races {
			tb = append(tb, fmt.Sprintf("  %d. %s", i+1, race.Access), fmt.Sprintf("     %s", "previous "+race.Previous.String()))
		}
		tb = append(tb, "Two goroutines used one variable at once, and at least one wrote it: guard it with a mutex, or hand it over on a channel.")
		return Reply{Status: "error", Ename: "DataRace", Evalue: fmt.Sprintf("%d data race(s)", len(rep.Races)), Traceback: tb}
	}
	note := fmt.Sprintf("goconc: no data race found (%s ran the cell as a compiled program: build %s, run %s)\n",
		what, rep.Build.Round(10*time.Millisecond), rep.Run.Round(10*time.Millisecond))
	if rep.ExitCode != 0 {
		return errorReply("exit", strings.TrimSuffix(note, "\n")+fmt.Sprintf("; the program exited with status %d", rep.ExitCode))
	}
	r.streams.write("stdout", note)
	return Reply{Status: "ok"}
}

// streamWriter writes into a cell's stream.
type streamWriter struct {
	r    *run
	name string
}

func (w streamWriter) Write(p []byte) (int, error) {
	w.r.streams.write(w.name, string(p))
	return len(p), nil
}
