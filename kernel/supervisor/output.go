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

	mu     sync.Mutex
	result string // the text/plain result, for history
}

func (o *output) Stream(name, text string) {
	if !o.silent {
		o.k.publish(o.parent, "stream", map[string]any{"name": name, "text": text})
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
	o.k.publish(o.parent, msgType, map[string]any{"data": orEmpty(data), "metadata": orEmpty(metadata), "transient": orEmpty(transient)})
}

func (o *output) Clear(wait bool) {
	if !o.silent {
		o.k.publish(o.parent, "clear_output", map[string]any{"wait": wait})
	}
}

func (o *output) Result(data, metadata map[string]any) {
	if s, ok := data["text/plain"].(string); ok {
		o.mu.Lock()
		o.result = s
		o.mu.Unlock()
	}
	if !o.silent {
		o.k.publish(o.parent, "execute_result", map[string]any{"execution_count": o.count, "data": orEmpty(data), "metadata": orEmpty(metadata)})
	}
}

func (o *output) Error(ename, evalue string, traceback []string) {
	if o.silent {
		return
	}
	if traceback == nil {
		traceback = []string{}
	}
	o.k.publish(o.parent, "error", map[string]any{"ename": ename, "evalue": evalue, "traceback": traceback})
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
