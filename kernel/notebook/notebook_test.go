package notebook

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestParseAndMarshal(t *testing.T) {
	src := `{"cells": [{"cell_type": "code", "metadata": {"tags": ["raises-exception"]}, "source": ["x := 1\n", "x"], "outputs": [], "execution_count": null, "extra": "kept"}],
	 "metadata": {"custom": 1}, "nbformat": 4, "nbformat_minor": 4}`
	nb, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := nb.Cells[0]
	if c.Kind() != "code" || c.Source() != "x := 1\nx" || !c.HasTag(RaisesException) {
		t.Errorf("cell = %v %q %v", c.Kind(), c.Source(), c.Tags())
	}
	c.setOutputs([]map[string]any{{"output_type": "stream", "name": "stdout", "text": lines("a\nb\n")}}, 3)
	b, err := nb.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	json.Unmarshal(b, &back)
	cell := back["cells"].([]any)[0].(map[string]any)
	if cell["extra"] != "kept" || cell["execution_count"] != 3.0 || cell["id"] == nil {
		t.Errorf("cell after round trip: %v", cell)
	}
	if back["nbformat_minor"] != 5.0 || back["metadata"].(map[string]any)["custom"] != 1.0 {
		t.Errorf("notebook metadata: %v", back)
	}
	text := cell["outputs"].([]any)[0].(map[string]any)["text"].([]any)
	if len(text) != 2 || text[0] != "a\n" || text[1] != "b\n" {
		t.Errorf("text not stored as lines: %v", text)
	}
	if !strings.HasPrefix(string(b), "{\n \"cells\"") {
		t.Errorf("not indented as Jupyter does: %.40s", b)
	}
}

func TestParseRejects(t *testing.T) {
	for _, src := range []string{"{", `{"nbformat": 3, "cells": []}`, `{"nbformat": 4, "cells": [1]}`} {
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("%s: accepted", src)
		}
	}
}

func TestCollector(t *testing.T) {
	c := newCollector(2, nil)
	c.Stream("stdout", "a")
	c.Stream("stdout", "b\n")
	c.Stream("stderr", "e\n")
	c.Display(map[string]any{"text/plain": "v1"}, nil, map[string]any{"display_id": "p"}, false)
	c.Display(map[string]any{"text/plain": "v2"}, nil, map[string]any{"display_id": "p"}, true)
	c.Result(map[string]any{"text/plain": "42"}, nil)
	out := c.outputs()
	if len(out) != 4 {
		t.Fatalf("outputs: %v", out)
	}
	if out[0]["text"].([]any)[0] != "ab\n" {
		t.Errorf("streams not merged: %v", out[0])
	}
	if out[2]["data"].(map[string]any)["text/plain"].([]any)[0] != "v2" {
		t.Errorf("update not applied: %v", out[2])
	}
	if out[3]["execution_count"] != 2 {
		t.Errorf("result: %v", out[3])
	}
	c.Clear(true)
	c.Stream("stdout", "after clear")
	if out := c.outputs(); len(out) != 1 {
		t.Errorf("clear_output(wait) then output: %v", out)
	}
}
