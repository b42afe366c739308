package session

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/goconc/goconc/kernel/gotool"
	"github.com/goconc/goconc/kernel/inspect"
	"github.com/goconc/goconc/kernel/magic"
)

// magicSpec is one magic the kernel understands.
type magicSpec struct {
	name  string
	cell  bool
	usage string
	help  string
	apply func(s *Session, m magic.Magic, r *run, opts *cellOptions) (string, error)
}

var magics []magicSpec

func init() {
	magics = []magicSpec{
		{"timeline", false, "%timeline on|off|auto", "draw goroutine timelines under cells: always, never, or when a cell uses goroutines (default auto)", setTimeline},
		{"timeline", true, "%%timeline", "draw this cell's goroutine timeline, whatever %timeline says", forceTimeline},
		{"trace", false, "%trace max=N", "keep at most N events in a cell's timeline (default 1000000)", setTrace},
		{"replay", false, "%replay on|off", "after the evaluator restarts, re-run earlier cells to restore variables (default on)", setReplay},
		{"timeout", false, "%timeout DURATION|off", "stop any cell that runs longer than DURATION, such as 10s (default off)", setTimeout},
		{"race", true, "%%race", "run this cell as a compiled Go program under the race detector (the notebook's declarations, zero-valued variables, this cell as main)", useTool(gotool.Race)},
		{"vet", true, "%%vet", "check this cell, as a compiled Go program, with go vet", useTool(gotool.Vet)},
		{"explore", true, "%%explore [N] [seed=S] [time=30s] [steps=N] [expect=K] | replay=TOKEN", "run this cell under N schedules (default 100) and show every outcome it can have (expect=K: fail unless it has K); replay=TOKEN runs one of them again", setExplore},
		{"doc", false, "%doc NAME", "show the documentation of NAME (also: a cell holding only NAME?)", doc},
		{"help", false, "%help", "list the magics", help},
		{"lsmagic", false, "%lsmagic", "list the magics", help},
	}
}

// applyMagics applies the cell's magics. stop says the cell is done.
func (s *Session) applyMagics(ms []magic.Magic, r *run) (cellOptions, Reply, bool) {
	s.mu.Lock()
	opts := cellOptions{timeout: s.settings.Timeout, timeline: s.settings.Timeline, traceMax: s.settings.TraceMax}
	s.mu.Unlock()
	for _, m := range ms {
		spec := findMagic(m)
		if spec == nil {
			return opts, errorReply("magic error", fmt.Sprintf("unknown magic %s; %%help lists the magics goconc knows", m)), true
		}
		msg, err := spec.apply(s, m, r, &opts)
		if err != nil {
			return opts, errorReply("magic error", fmt.Sprintf("%s: %v (usage: %s)", m, err, spec.usage)), true
		}
		if msg != "" {
			r.streams.write("stdout", msg)
		}
	}
	return opts, Reply{}, false
}

func findMagic(m magic.Magic) *magicSpec {
	for i := range magics {
		if magics[i].name == m.Name && magics[i].cell == m.Cell {
			return &magics[i]
		}
	}
	return nil
}

func onOff(m magic.Magic) (bool, error) {
	if len(m.Args) == 1 {
		switch m.Args[0] {
		case "on":
			return true, nil
		case "off":
			return false, nil
		}
	}
	return false, fmt.Errorf("expected on or off")
}

func setTimeline(s *Session, m magic.Magic, _ *run, opts *cellOptions) (string, error) {
	if len(m.Args) != 1 || (m.Args[0] != "on" && m.Args[0] != "off" && m.Args[0] != "auto") {
		return "", fmt.Errorf("expected on, off or auto")
	}
	s.mu.Lock()
	s.settings.Timeline = m.Args[0]
	s.mu.Unlock()
	opts.timeline = m.Args[0]
	return "", nil
}

func forceTimeline(_ *Session, _ magic.Magic, _ *run, opts *cellOptions) (string, error) {
	opts.timeline = "on"
	return "", nil
}

func setTrace(s *Session, m magic.Magic, _ *run, opts *cellOptions) (string, error) {
	if len(m.Args) != 1 || !strings.HasPrefix(m.Args[0], "max=") {
		return "", fmt.Errorf("expected max=N")
	}
	n, err := strconv.Atoi(strings.TrimPrefix(m.Args[0], "max="))
	if err != nil || n < 100 {
		return "", fmt.Errorf("N must be a number of at least 100")
	}
	s.mu.Lock()
	s.settings.TraceMax = n
	s.mu.Unlock()
	opts.traceMax = n
	return "", nil
}

func setReplay(s *Session, m magic.Magic, _ *run, _ *cellOptions) (string, error) {
	on, err := onOff(m)
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	s.settings.Replay = on
	s.mu.Unlock()
	return "", nil
}

func setTimeout(s *Session, m magic.Magic, _ *run, opts *cellOptions) (string, error) {
	if len(m.Args) != 1 {
		return "", fmt.Errorf("expected a duration or off")
	}
	var d time.Duration
	if m.Args[0] != "off" {
		var err error
		if d, err = time.ParseDuration(m.Args[0]); err != nil || d <= 0 {
			return "", fmt.Errorf("%q is not a positive duration such as 10s", m.Args[0])
		}
	}
	s.mu.Lock()
	s.settings.Timeout = d
	s.mu.Unlock()
	opts.timeout = d
	return "", nil
}

func doc(s *Session, m magic.Magic, _ *run, opts *cellOptions) (string, error) {
	if len(m.Args) != 1 {
		return "", fmt.Errorf("expected one name, such as sync.WaitGroup")
	}
	code := m.Args[0]
	text, found := inspect.Inspect(s.prog, code, len(code), 1)
	if !found {
		return "", fmt.Errorf("no documentation found for %s", code)
	}
	opts.page = text
	return "", nil
}

func help(*Session, magic.Magic, *run, *cellOptions) (string, error) {
	var lines []string
	for _, m := range magics {
		if m.name == "lsmagic" {
			continue
		}
		lines = append(lines, fmt.Sprintf("  %-26s %s", m.usage, m.help))
	}
	sort.Strings(lines)
	return "goconc magics (put them on the first lines of a cell):\n" + strings.Join(lines, "\n") + "\n", nil
}

func useTool(mode gotool.Mode) func(*Session, magic.Magic, *run, *cellOptions) (string, error) {
	return func(_ *Session, m magic.Magic, _ *run, opts *cellOptions) (string, error) {
		if len(m.Args) > 0 {
			return "", fmt.Errorf("takes no arguments")
		}
		opts.tool = mode
		return "", nil
	}
}
