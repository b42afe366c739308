package notebook

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/goconc/goconc/kernel/session"
)

// RaisesException is the tag of a cell that is expected to fail.
const RaisesException = "raises-exception"

// Options configure a run.
type Options struct {
	Timeout  time.Duration // per cell; 0 means none
	Progress io.Writer     // per-cell progress lines, or nil
	Echo     io.Writer     // the outputs as text, or nil
}

// CellError is the first unexpected failure of a run.
type CellError struct {
	Index         int // 0-based cell index
	Ename, Evalue string
	Traceback     []string
}

func (e *CellError) Error() string {
	return fmt.Sprintf("cell %d failed: %s: %s\n%s", e.Index+1, e.Ename, e.Evalue, strings.Join(e.Traceback, "\n"))
}

// Run executes the code cells of nb in s, in order, storing their outputs.
// It stops at the first cell that fails without the raises-exception tag and
// returns a *CellError for it.
func Run(ctx context.Context, s *session.Session, nb *Notebook, o Options) error {
	if o.Timeout > 0 {
		s.Execute(ctx, session.Request{Code: fmt.Sprintf("%%timeout %v", o.Timeout), Label: "[-]"})
	}
	var code []int
	for i, c := range nb.Cells {
		if c.Kind() == "code" {
			code = append(code, i)
		}
	}
	count := 0
	for n, i := range code {
		c := nb.Cells[i]
		count++
		out := newCollector(count, o.Echo)
		start := time.Now()
		reply := s.Execute(ctx, session.Request{Code: c.Source(), Label: fmt.Sprintf("[%d]", count), Out: out})
		c.setOutputs(out.outputs(), count)
		status := "ok"
		if reply.Status == "error" {
			status = "error (" + reply.Ename + ")"
			if c.HasTag(RaisesException) {
				status += ", expected"
			}
		}
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, "  [%d/%d] cell %d: %s in %.2fs\n", n+1, len(code), i+1, status, time.Since(start).Seconds())
		}
		if reply.Status == "error" && !c.HasTag(RaisesException) {
			return &CellError{Index: i, Ename: reply.Ename, Evalue: reply.Evalue, Traceback: reply.Traceback}
		}
	}
	return nil
}

// collector turns a cell's outputs into nbformat outputs.
type collector struct {
	count int
	echo  io.Writer

	mu        sync.Mutex
	outs      []map[string]any
	clearNext bool
	ids       map[string][]int // display id -> indexes of its outputs
}

func newCollector(count int, echo io.Writer) *collector {
	return &collector{count: count, echo: echo, ids: map[string][]int{}}
}

func (c *collector) add(o map[string]any) {
	if c.clearNext {
		c.outs, c.ids, c.clearNext = nil, map[string][]int{}, false
	}
	c.outs = append(c.outs, o)
}

func (c *collector) Stream(name, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.echo != nil {
		io.WriteString(c.echo, text)
	}
	if n := len(c.outs); n > 0 && !c.clearNext {
		if last := c.outs[n-1]; last["output_type"] == "stream" && last["name"] == name {
			last["text"] = last["text"].(string) + text
			return
		}
	}
	c.add(map[string]any{"output_type": "stream", "name": name, "text": text})
}

func (c *collector) Display(data, metadata, transient map[string]any, update bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, _ := transient["display_id"].(string)
	if update {
		for _, i := range c.ids[id] {
			c.outs[i]["data"] = data
			c.outs[i]["metadata"] = orEmpty(metadata)
		}
		return
	}
	c.echoData(data)
	c.add(map[string]any{"output_type": "display_data", "data": data, "metadata": orEmpty(metadata)})
	if id != "" {
		c.ids[id] = append(c.ids[id], len(c.outs)-1)
	}
}

func (c *collector) Clear(wait bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if wait {
		c.clearNext = true
		return
	}
	c.outs, c.ids = nil, map[string][]int{}
}

func (c *collector) Result(data, metadata map[string]any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.echo != nil {
		fmt.Fprintf(c.echo, "Out[%d]: ", c.count)
	}
	c.echoData(data)
	c.add(map[string]any{"output_type": "execute_result", "execution_count": c.count, "data": data, "metadata": orEmpty(metadata)})
}

func (c *collector) Error(ename, evalue string, tb []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.echo != nil {
		fmt.Fprintf(c.echo, "%s: %s\n%s\n", ename, evalue, strings.Join(tb, "\n"))
	}
	if tb == nil {
		tb = []string{}
	}
	c.add(map[string]any{"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb})
}

func (c *collector) echoData(data map[string]any) {
	if c.echo == nil {
		return
	}
	if t, ok := data["text/plain"].(string); ok {
		fmt.Fprintln(c.echo, t)
	}
}

// outputs returns the outputs in nbformat form: text split into lines.
func (c *collector) outputs() []map[string]any {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []map[string]any
	for _, o := range c.outs {
		cp := map[string]any{}
		for k, v := range o {
			cp[k] = v
		}
		if t, ok := cp["text"].(string); ok {
			cp["text"] = lines(t)
		}
		if d, ok := cp["data"].(map[string]any); ok {
			nd := map[string]any{}
			for mime, v := range d {
				if s, ok := v.(string); ok && (strings.HasPrefix(mime, "text/") || mime == "image/svg+xml") {
					nd[mime] = lines(s)
				} else {
					nd[mime] = v
				}
			}
			cp["data"] = nd
		}
		out = append(out, cp)
	}
	return out
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
