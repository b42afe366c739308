package supervisor

import (
	"strings"
	"unicode/utf8"

	"github.com/goconc/goconc/kernel/complete"
	"github.com/goconc/goconc/kernel/inspect"
	"github.com/goconc/goconc/kernel/sockets"
	"github.com/goconc/goconc/kernel/wire"
)

func (k *Kernel) kernelInfo(ch *sockets.Channel, m *wire.Message) {
	k.reply(ch, m, "kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       wire.ProtocolVersion,
		"implementation":         "goconc",
		"implementation_version": k.info.Version,
		"language_info": map[string]any{
			"name":               "go",
			"version":            strings.TrimPrefix(k.info.GoVersion, "go"),
			"mimetype":           "text/x-go",
			"file_extension":     ".go",
			"pygments_lexer":     "go",
			"codemirror_mode":    "go",
			"nbconvert_exporter": "script",
		},
		"banner": "goconc " + k.info.Version + ": Go notebooks that show what goroutines do\n" +
			k.info.GoVersion + ", Yaegi " + k.info.Yaegi + ". Type %help for magics.",
		"help_links": []map[string]string{
			{"text": "goconc", "url": "https://github.com/goconc/goconc"},
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
			{"text": "Effective Go: concurrency", "url": "https://go.dev/doc/effective_go#concurrency"},
		},
		"debugger": false,
	})
}

// runeToByte converts a cursor position in Unicode code points, as Jupyter
// counts, to a byte offset.
func runeToByte(s string, cursor int) int {
	if cursor < 0 {
		return 0
	}
	i := 0
	for n := 0; n < cursor && i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

func byteToRune(s string, off int) int { return utf8.RuneCountInString(s[:off]) }

func (k *Kernel) complete(ch *sockets.Channel, m *wire.Message) {
	var req struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	if !k.decode(m, &req) {
		k.reply(ch, m, "complete_reply", map[string]any{"status": "ok", "matches": []string{}, "cursor_start": req.CursorPos, "cursor_end": req.CursorPos, "metadata": map[string]any{}})
		return
	}
	off := runeToByte(req.Code, req.CursorPos)
	var res complete.Result
	if sess := k.session(); sess != nil {
		res = complete.Complete(sess.Program(), req.Code, off)
	} else {
		res.Start, res.End = off, off
	}
	matches := res.Matches
	if matches == nil {
		matches = []string{}
	}
	k.reply(ch, m, "complete_reply", map[string]any{
		"status":       "ok",
		"matches":      matches,
		"cursor_start": byteToRune(req.Code, res.Start),
		"cursor_end":   byteToRune(req.Code, res.End),
		"metadata":     map[string]any{},
	})
}

func (k *Kernel) inspect(ch *sockets.Channel, m *wire.Message) {
	var req struct {
		Code        string `json:"code"`
		CursorPos   int    `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	k.decode(m, &req)
	var text string
	var found bool
	if sess := k.session(); sess != nil {
		text, found = inspect.Inspect(sess.Program(), req.Code, runeToByte(req.Code, req.CursorPos), req.DetailLevel)
	}
	data := map[string]any{}
	if found {
		data["text/plain"] = text
	}
	k.reply(ch, m, "inspect_reply", map[string]any{"status": "ok", "found": found, "data": data, "metadata": map[string]any{}})
}

func (k *Kernel) isComplete(ch *sockets.Channel, m *wire.Message) {
	var req struct {
		Code string `json:"code"`
	}
	k.decode(m, &req)
	status, indent := complete.IsComplete(req.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.reply(ch, m, "is_complete_reply", content)
}

func (k *Kernel) commInfo(ch *sockets.Channel, m *wire.Message) {
	k.reply(ch, m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
}

// ignore tolerates comm messages: frontends open comms (ipywidgets) that a
// Go kernel has no target for.
func (k *Kernel) ignore(*sockets.Channel, *wire.Message) {}

func (k *Kernel) interrupt(ch *sockets.Channel, m *wire.Message) {
	k.reply(ch, m, "interrupt_reply", map[string]any{"status": "ok"})
	if sess := k.session(); sess != nil {
		sess.Interrupt()
	}
}

func (k *Kernel) shutdown(ch *sockets.Channel, m *wire.Message) {
	var req struct {
		Restart bool `json:"restart"`
	}
	k.decode(m, &req)
	content := map[string]any{"status": "ok", "restart": req.Restart}
	k.reply(ch, m, "shutdown_reply", content)
	k.publish(m, "shutdown_reply", content)
	k.stop()
}
