package program

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestStandalone(t *testing.T) {
	p := New(imp)
	compileAll(t, p, "import \"strings\"\nx := strings.Repeat(\"a\", 2)", "type counter struct {\n\tmu sync.Mutex\n\tn  int\n}\nfunc (c *counter) inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }")
	src, err := p.Standalone("[3]", "var wg sync.WaitGroup\nc := &counter{}\nfor i := 0; i < 10; i++ {\n\twg.Add(1)\n\tgo func() { defer wg.Done(); c.inc() }()\n}\nwg.Wait()\nc.n", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "main.go", src, 0); err != nil {
		t.Fatalf("not Go: %v\n%s", err, src)
	}
	for _, want := range []string{"func main() {", "__goconc_fmt.Println(c.n)", "//line [3]:7:1", "type counter struct", "var x string"} {
		if !strings.Contains(src, want) {
			t.Errorf("the program lacks %q:\n%s", want, src)
		}
	}
	if strings.Contains(src, `import strings "strings"`) {
		t.Errorf("an import only an earlier cell used is kept:\n%s", src)
	}
	// A pasted program runs its own main.
	src, err = p.Standalone("[4]", "package main\n\nfunc main() {\n\tprintln(1)\n}", "")
	if err != nil || !strings.Contains(src, "func _() {") || !strings.Contains(src, "func main() {") {
		t.Errorf("pasted program: %v\n%s", err, src)
	}
	// The notebook is unchanged.
	if _, err := p.Compile("[5]", "c := 1\nc"); err != nil {
		t.Errorf("after Standalone: %v", err)
	}
}
