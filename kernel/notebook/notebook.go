// Package notebook reads, runs and writes Jupyter notebooks (nbformat 4)
// without Jupyter: goconc's headless runner. Cells run in a session, as in
// the kernel, and their outputs are stored the way Jupyter stores them, so
// the result opens in any frontend and renders on GitHub.
package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Notebook is a parsed notebook. Fields goconc does not know are kept as
// they are.
type Notebook struct {
	raw   map[string]any
	Cells []*Cell
}

// Cell is one cell of a notebook.
type Cell struct {
	raw map[string]any
}

// Read parses a notebook file.
func Read(path string) (*Notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(b)
}

// Parse parses notebook JSON.
func Parse(b []byte) (*Notebook, error) {
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("not a notebook (invalid JSON): %w", err)
	}
	if v, _ := raw["nbformat"].(float64); v != 4 {
		return nil, fmt.Errorf("nbformat %v is not supported; goconc reads nbformat 4 notebooks", raw["nbformat"])
	}
	nb := &Notebook{raw: raw}
	cells, _ := raw["cells"].([]any)
	for i, c := range cells {
		m, ok := c.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("cell %d is not an object", i)
		}
		// nbformat 4.5 requires cell ids; older notebooks get them.
		if _, ok := m["id"]; !ok {
			m["id"] = fmt.Sprintf("cell-%d", i+1)
		}
		nb.Cells = append(nb.Cells, &Cell{raw: m})
	}
	if minor, _ := raw["nbformat_minor"].(float64); minor < 5 {
		raw["nbformat_minor"] = 5
	}
	return nb, nil
}

// New returns an empty goconc notebook.
func New() *Notebook {
	return &Notebook{raw: map[string]any{
		"nbformat": 4, "nbformat_minor": 5,
		"metadata": map[string]any{},
		"cells":    []any{},
	}}
}

// AddCell appends a cell of type kind ("code" or "markdown").
func (nb *Notebook) AddCell(kind, source string, tags ...string) *Cell {
	c := &Cell{raw: map[string]any{"cell_type": kind, "metadata": map[string]any{}, "source": lines(source)}}
	if len(tags) > 0 {
		t := make([]any, len(tags))
		for i, s := range tags {
			t[i] = s
		}
		c.raw["metadata"].(map[string]any)["tags"] = t
	}
	if kind == "code" {
		c.raw["outputs"] = []any{}
		c.raw["execution_count"] = nil
	}
	c.raw["id"] = fmt.Sprintf("cell-%d", len(nb.Cells)+1)
	nb.Cells = append(nb.Cells, c)
	return c
}

// Kind is the cell type: "code", "markdown" or "raw".
func (c *Cell) Kind() string { s, _ := c.raw["cell_type"].(string); return s }

// Source is the cell's text.
func (c *Cell) Source() string { return joinText(c.raw["source"]) }

// Tags are the cell's tags.
func (c *Cell) Tags() []string {
	md, _ := c.raw["metadata"].(map[string]any)
	ts, _ := md["tags"].([]any)
	var out []string
	for _, t := range ts {
		if s, ok := t.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// HasTag reports whether the cell has tag.
func (c *Cell) HasTag(tag string) bool {
	for _, t := range c.Tags() {
		if t == tag {
			return true
		}
	}
	return false
}

// Outputs returns the cell's outputs.
func (c *Cell) Outputs() []map[string]any {
	os, _ := c.raw["outputs"].([]any)
	var out []map[string]any
	for _, o := range os {
		if m, ok := o.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func (c *Cell) setOutputs(outs []map[string]any, count int) {
	list := make([]any, len(outs))
	for i, o := range outs {
		list[i] = o
	}
	c.raw["outputs"] = list
	if count > 0 {
		c.raw["execution_count"] = count
	} else {
		c.raw["execution_count"] = nil
	}
}

// Write stores the notebook as Jupyter does: one-space indentation, sorted
// keys, multi-line strings as lists of lines.
func (nb *Notebook) Write(path string) error {
	b, err := nb.Marshal()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Marshal returns the notebook's JSON.
func (nb *Notebook) Marshal() ([]byte, error) {
	cells := make([]any, len(nb.Cells))
	for i, c := range nb.Cells {
		cells[i] = c.raw
	}
	nb.raw["cells"] = cells
	md, _ := nb.raw["metadata"].(map[string]any)
	if md == nil {
		md = map[string]any{}
		nb.raw["metadata"] = md
	}
	md["kernelspec"] = map[string]any{"name": "goconc", "display_name": "Go (goconc)", "language": "go"}
	md["language_info"] = map[string]any{"name": "go", "file_extension": ".go", "mimetype": "text/x-go",
		"pygments_lexer": "go", "codemirror_mode": "go", "nbconvert_exporter": "script"}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(nb.raw); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// lines splits text the way nbformat stores it: a list of lines, each but
// the last ending in a newline.
func lines(s string) []any {
	if s == "" {
		return []any{}
	}
	parts := strings.SplitAfter(s, "\n")
	if parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	out := make([]any, len(parts))
	for i, p := range parts {
		out[i] = p
	}
	return out
}

// joinText reads a string or list-of-strings field.
func joinText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		var b strings.Builder
		for _, p := range x {
			s, _ := p.(string)
			b.WriteString(s)
		}
		return b.String()
	}
	return ""
}
