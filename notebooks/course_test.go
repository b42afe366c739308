// Package notebooks is the goconc course. Its tests check the course as a
// reader gets it: every notebook listed in README.md, outputs saved, errors
// only where a cell says it fails on purpose, and exercises whose self-check
// really fails when the example solution is broken.
package notebooks

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

type notebook struct {
	Cells    []*cell        `json:"cells"`
	Metadata map[string]any `json:"metadata"`
	Format   int            `json:"nbformat"`
	Minor    int            `json:"nbformat_minor"`
}

type cell struct {
	Type     string            `json:"cell_type"`
	ID       string            `json:"id,omitempty"`
	Source   any               `json:"source"`
	Metadata map[string]any    `json:"metadata"`
	Outputs  []json.RawMessage `json:"outputs,omitempty"`
	Count    any               `json:"execution_count,omitempty"`
}

func (c *cell) text() string {
	switch s := c.Source.(type) {
	case string:
		return s
	case []any:
		var b strings.Builder
		for _, l := range s {
			b.WriteString(l.(string))
		}
		return b.String()
	}
	return ""
}

func (c *cell) tags() []string {
	var out []string
	ts, _ := c.Metadata["tags"].([]any)
	for _, t := range ts {
		out = append(out, t.(string))
	}
	return out
}

func (c *cell) has(tag string) bool { return slices.Contains(c.tags(), tag) }

// broken is the broken variant of an example solution, kept in its metadata.
func (c *cell) broken() string {
	g, _ := c.Metadata["goconc"].(map[string]any)
	s, _ := g["broken"].(string)
	return s
}

type output struct {
	Type  string         `json:"output_type"`
	Data  map[string]any `json:"data"`
	Ename string         `json:"ename"`
}

func (c *cell) outputs(t *testing.T) []output {
	var out []output
	for _, raw := range c.Outputs {
		var o output
		if err := json.Unmarshal(raw, &o); err != nil {
			t.Fatal(err)
		}
		out = append(out, o)
	}
	return out
}

// course returns the course's notebooks by file name (not 00-welcome,
// which is the kernel's tour).
func course(t *testing.T) map[string]*notebook {
	t.Helper()
	files, err := filepath.Glob("[0-9][0-9]-*.ipynb")
	if err != nil || len(files) == 0 {
		t.Fatalf("no notebooks: %v", err)
	}
	out := map[string]*notebook{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var nb notebook
		if err := json.Unmarshal(b, &nb); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if f != "00-welcome.ipynb" {
			out[f] = &nb
		}
	}
	return out
}

func TestTableOfContents(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	linked := map[string]bool{}
	for _, m := range regexp.MustCompile(`\]\(([0-9][0-9]-[a-z0-9-]+\.ipynb)\)`).FindAllStringSubmatch(string(readme), -1) {
		linked[m[1]] = true
		if _, err := os.Stat(m[1]); err != nil {
			t.Errorf("README.md links to %s: %v", m[1], err)
		}
	}
	files, _ := filepath.Glob("[0-9][0-9]-*.ipynb")
	for _, f := range files {
		if !linked[f] {
			t.Errorf("README.md does not list %s", f)
		}
	}
}

func TestOutputsSaved(t *testing.T) {
	for name, nb := range course(t) {
		timelines := 0
		for i, c := range nb.Cells {
			if c.Type != "code" || strings.TrimSpace(c.text()) == "" {
				continue
			}
			if c.Count == nil {
				t.Errorf("%s cell %d was not executed before it was saved", name, i+1)
			}
			for _, o := range c.outputs(t) {
				if o.Type == "error" && !c.has("raises-exception") {
					t.Errorf("%s cell %d saved an error (%s) without the raises-exception tag", name, i+1, o.Ename)
				}
				if o.Data["image/svg+xml"] != nil && o.Data["text/html"] != nil {
					timelines++
				}
			}
			if c.has("raises-exception") && !slices.ContainsFunc(c.outputs(t), func(o output) bool { return o.Type == "error" }) {
				t.Errorf("%s cell %d is tagged raises-exception but its saved outputs hold no error", name, i+1)
			}
		}
		if timelines == 0 {
			t.Errorf("%s has no saved timeline", name)
		}
	}
}

func TestEveryNotebookHasExercises(t *testing.T) {
	for name, nb := range course(t) {
		n := 0
		for i, c := range nb.Cells {
			if !c.has("solution") {
				continue
			}
			n++
			if c.broken() == "" {
				t.Errorf("%s cell %d: a solution without a broken variant cannot show its check works", name, i+1)
			}
			if next(nb, i) < 0 {
				t.Errorf("%s cell %d: a solution with no self-check cell after it", name, i+1)
			}
		}
		if n == 0 {
			t.Errorf("%s has no exercise (a cell tagged solution, then one tagged self-check)", name)
		}
	}
}

// next returns the index of the first self-check cell after cell i, or -1.
func next(nb *notebook, i int) int {
	for j := i + 1; j < len(nb.Cells); j++ {
		if nb.Cells[j].has("self-check") {
			return j
		}
		if nb.Cells[j].has("solution") {
			break
		}
	}
	return -1
}

// TestSelfChecksFailWhenBroken replaces each example solution with its
// broken variant and runs the notebook up to the solution's self-check with
// goconc run: the self-check cell, and no cell before it, must fail.
func TestSelfChecksFailWhenBroken(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every exercise of the course")
	}
	bin := filepath.Join(t.TempDir(), "goconc")
	build := exec.Command("go", "build", "-o", bin, "../kernel/cmd/goconc")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building goconc: %v\n%s", err, out)
	}
	for name, nb := range course(t) {
		for i, c := range nb.Cells {
			j := next(nb, i)
			if !c.has("solution") || c.broken() == "" || j < 0 {
				continue
			}
			t.Run(strings.TrimSuffix(name, ".ipynb")+"/cell"+itoa(i+1), func(t *testing.T) {
				t.Parallel()
				cp := *nb
				cp.Cells = nil
				for k, orig := range nb.Cells[:j+1] {
					cc := *orig
					cc.Outputs = nil
					if k == i {
						cc.Source = c.broken()
					}
					cp.Cells = append(cp.Cells, &cc)
				}
				dir := t.TempDir()
				in := filepath.Join(dir, "in.ipynb")
				b, _ := json.Marshal(&cp)
				if err := os.WriteFile(in, b, 0o644); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(bin, "run", "-q", "--timeout", "60s", in).CombinedOutput()
				if err == nil {
					t.Fatalf("the broken solution passed its self-check:\n%s", out)
				}
				want := "cell " + itoa(j+1) + ": error"
				failed := regexp.MustCompile(`cell (\d+): error[^\n]*`).FindAllString(string(out), -1)
				if len(failed) == 0 || !strings.HasPrefix(failed[len(failed)-1], want) || strings.Contains(failed[len(failed)-1], "expected") {
					t.Fatalf("want the self-check (cell %d) to fail, got %q:\n%s", j+1, failed, out)
				}
			})
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
