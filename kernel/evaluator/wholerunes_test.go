package evaluator

import (
	"strings"
	"testing"
)

func TestWholeRunes(t *testing.T) {
	var w wholeRunes
	var sent []string
	send := func(writes ...string) {
		for _, text := range writes {
			if got := w.whole("[1]", "stdout", text); got != "" {
				sent = append(sent, got)
			}
		}
	}
	send("日本"[:4], "日本"[4:], "x\xe8", "\xaa\x9e", "\xff")
	if got, want := strings.Join(sent, "|"), "日|本|x|語|\xff"; got != want {
		t.Errorf("sent %q, want %q", got, want)
	}
	sent = nil
	send("end\xf0\x9f")
	w.flush(func(cell, name, text string) { sent = append(sent, cell+name+text) })
	if got, want := strings.Join(sent, "|"), "end|[1]stdout\xf0\x9f"; got != want {
		t.Errorf("with the flush, sent %q, want %q", got, want)
	}
}

// The replacements Python's decoder (errors="replace") and the WHATWG
// decoder make: one per maximal subpart.
func TestValidText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain 日本語", "plain 日本語"},
		{"a\xffb", "a\ufffdb"},
		{"\xf0\x9f\x98x", "\ufffdx"},           // an emoji cut short
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"}, // a surrogate: no start of a character
		{"\xe0\x80", "\ufffd\ufffd"},
		{"\xc0\xaf", "\ufffd\ufffd"},
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"},
		{"\xe6\x97", "\ufffd"},
		{"\ufffd", "\ufffd"},
	}
	for _, tt := range tests {
		if got := validText(tt.in); got != tt.want {
			t.Errorf("validText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
