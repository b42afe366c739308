package supervisor

import (
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/wire"
)

// output publishes a cell's outputs on IOPub, parented to its request,
// also after the cell ended (goroutines may print later).
type output struct {
	k      *Kernel
	parent *wire.Message
	count  int
	silent bool
	ended  bool // guarded by k.mu

	mu     sync.Mutex
	result string // the text/plain result, for history
}

func (o *output) Stream(name, text string) {
	if !o.silent {
		o.k.publish(o.to(), "stream", map[string]any{"name": name, "text": text})
	}
}

func (o *output) Display(data, metadata, transient map[string]any, update bool) {
	if o.silent {
		return
	}
	msgType := "display_data"
	if update {
		msgType = "update_display_data"
	}
	o.k.publish(o.to(), msgType, map[string]any{"data": orEmpty(data), "metadata": orEmpty(metadata), "transient": orEmpty(transient)})
}

func (o *output) Clear(wait bool) {
	if !o.silent {
		o.k.publish(o.to(), "clear_output", map[string]any{"wait": wait})
	}
}

func (o *output) Result(data, metadata map[string]any) {
	if s, ok := data["text/plain"].(string); ok {
		o.mu.Lock()
		o.result = s
		o.mu.Unlock()
	}
	if !o.silent {
		o.k.publish(o.to(), "execute_result", map[string]any{"execution_count": o.count, "data": orEmpty(data), "metadata": orEmpty(metadata)})
	}
}

func (o *output) Error(ename, evalue string, traceback []string) {
	if o.silent {
		return
	}
	if traceback == nil {
		traceback = []string{}
	}
	o.k.publish(o.to(), "error", map[string]any{"ename": ename, "evalue": evalue, "traceback": traceback})
}

func (o *output) text() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return strings.TrimSpace(o.result)
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// to returns the request an output is parented to. Frontends forget a
// request once its reply and idle status came (JupyterLab, Notebook and
// nbclient then drop what follows), so a goroutine that prints after its
// cell ended would print into the void: while another cell runs, its output
// goes there instead, as a Go program's goroutines all share one stdout.
// Between cells it keeps its own cell, which consoles still show.
func (o *output) to() *wire.Message {
	o.k.mu.Lock()
	defer o.k.mu.Unlock()
	if o.ended && o.k.running != nil && !o.k.running.silent {
		return o.k.running.parent
	}
	return o.parent
}
