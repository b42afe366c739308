package supervisor

import (
	"regexp"
	"strings"

	"github.com/goconc/goconc/kernel/sockets"
	"github.com/goconc/goconc/kernel/wire"
)

// historySession is the number of this kernel's session in history
// replies; Jupyter counts sessions from 1, and 0 means "the current one".
const historySession = 1

type historyEntry struct {
	line          int
	input, output string
}

func (k *Kernel) remember(line int, input, output string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.history = append(k.history, historyEntry{line: line, input: input, output: output})
}

type historyRequest struct {
	Output         bool   `json:"output"`
	Raw            bool   `json:"raw"`
	HistAccessType string `json:"hist_access_type"`
	Session        int    `json:"session"`
	Start          int    `json:"start"`
	Stop           int    `json:"stop"`
	N              int    `json:"n"`
	Pattern        string `json:"pattern"`
	Unique         bool   `json:"unique"`
}

func (k *Kernel) historyRequest(ch *sockets.Channel, m *wire.Message) {
	var req historyRequest
	k.decode(m, &req)
	k.mu.Lock()
	entries := append([]historyEntry(nil), k.history...)
	k.mu.Unlock()
	var picked []historyEntry
	switch req.HistAccessType {
	case "tail":
		picked = last(entries, req.N)
	case "range":
		if req.Session == 0 || req.Session == historySession {
			for _, e := range entries {
				if e.line >= req.Start && (req.Stop == 0 || e.line < req.Stop) {
					picked = append(picked, e)
				}
			}
		}
	case "search":
		re := glob(req.Pattern)
		seen := map[string]bool{}
		for i := len(entries) - 1; i >= 0; i-- {
			e := entries[i]
			if !re.MatchString(e.input) || req.Unique && seen[e.input] {
				continue
			}
			seen[e.input] = true
			picked = append([]historyEntry{e}, picked...)
		}
		picked = last(picked, req.N)
	}
	out := make([]any, 0, len(picked))
	for _, e := range picked {
		if req.Output {
			out = append(out, []any{historySession, e.line, []string{e.input, e.output}})
		} else {
			out = append(out, []any{historySession, e.line, e.input})
		}
	}
	k.reply(ch, m, "history_reply", map[string]any{"status": "ok", "history": out})
}

func last(e []historyEntry, n int) []historyEntry {
	if n > 0 && len(e) > n {
		return e[len(e)-n:]
	}
	return e
}

// glob turns a history search pattern (* and ?) into a regular expression
// matching the whole input.
func glob(pattern string) *regexp.Regexp {
	if pattern == "" {
		pattern = "*"
	}
	var b strings.Builder
	b.WriteString("(?s)^")
	for _, r := range pattern {
		switch r {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
