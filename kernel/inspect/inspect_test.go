package inspect

import (
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/symbols"
)

func TestInspect(t *testing.T) {
	p := program.New(importer.New(symbols.All()))
	u, err := p.Compile("[1]", "// square returns n*n.\nfunc square(n int) int { return n * n }\nlimit := 10")
	if err != nil {
		t.Fatal(err)
	}
	p.Commit(u)
	tests := []struct {
		code  string
		parts []string
	}{
		{"strings.ToUpper", []string{"func strings.ToUpper(", "upper case"}},
		{"sync.WaitGroup", []string{"type sync.WaitGroup", "Wait()"}},
		{"time.Second", []string{"const time.Second time.Duration"}},
		{"square", []string{"func square(n int) int", "cell [1]", "square returns n*n."}},
		{"limit", []string{"var limit int"}},
		{"select", []string{"waits on several channel operations"}},
		{"make", []string{"builtin make"}},
		{"fmt.Println(", []string{"func fmt.Println(", "Println formats"}},
	}
	for _, tt := range tests {
		text, found := Inspect(p, tt.code, len(tt.code), 0)
		if !found {
			t.Errorf("%q: not found", tt.code)
			continue
		}
		for _, part := range tt.parts {
			if !strings.Contains(text, part) {
				t.Errorf("%q: %q lacks %q", tt.code, text, part)
			}
		}
	}
	if _, found := Inspect(p, "nothingHere", 11, 0); found {
		t.Error("found an undefined name")
	}
}

func TestDocsFromSource(t *testing.T) {
	if sourceRoot() == "" {
		t.Skip("no Go source tree here; inspection falls back to signatures")
	}
	p := program.New(importer.New(symbols.All()))
	text, _ := Inspect(p, "sync.WaitGroup", len("sync.WaitGroup"), 0)
	if !strings.Contains(text, "counting semaphore") {
		t.Errorf("no documentation in %q", text)
	}
}
