package cell

import (
	"fmt"
	"strings"
	"testing"
)

func kinds(c *Cell) string {
	var parts []string
	for _, p := range c.Parts {
		parts = append(parts, p.Kind.String())
	}
	return strings.Join(parts, ",")
}

func TestSplitKinds(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"statement", "x := 1", "statement"},
		{"expression", "6*7", "statement"},
		{"import then statement", "import \"fmt\"\nfmt.Println(1)", "import,statement"},
		{"grouped import", "import (\n\t\"fmt\"\n\t\"sync\"\n)\nvar mu sync.Mutex\nfmt.Println(1)", "import,var,statement"},
		{"mixed in any order", "x := 1\nfunc f() int { return x }\ntype T struct{}\nfmt.Println(f())\nconst c = 2", "statement,func,type,statement,const"},
		{"method", "type T int\nfunc (t T) String() string { return \"t\" }", "type,method"},
		{"generic method", "type L[T any] []T\nfunc (l *L[T]) Push(v T) { *l = append(*l, v) }", "type,method"},
		{"func literal call", "func() { fmt.Println(1) }()", "statement"},
		{"func literal with params", "func(a int) { fmt.Println(a) }(1)", "statement"},
		{"for header semicolons", "for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}", "statement"},
		{"if with init", "if x := f(); x > 0 {\n} else {\n}", "statement"},
		{"label and select", "loop:\nfor {\n\tselect {\n\tcase <-ch:\n\t\tbreak loop\n\t}\n}", "statement"},
		{"go statement", "go func() { ch <- 1 }()", "statement"},
		{"package program", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}", "package,import,func"},
		{"semicolons on one line", "a := 1; b := 2; func g() {}; c := 3", "statement,statement,func,statement"},
		{"comments only", "// nothing here\n", ""},
		{"empty", "", ""},
		{"generic func", "func Map[T, U any](s []T, f func(T) U) []U { return nil }", "func"},
		{"raw string with func", "s := `\nfunc f() {}\n`", "statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Split(tt.src)
			if err != nil {
				t.Fatalf("Split: %v", err)
			}
			if got := kinds(c); got != tt.want {
				t.Fatalf("kinds = %q, want %q", got, tt.want)
			}
			for _, p := range c.Parts {
				text := tt.src[p.Start:p.End]
				if strings.TrimSpace(text) == "" {
					t.Errorf("part %v has empty text", p.Kind)
				}
			}
		})
	}
}

func TestSplitPositions(t *testing.T) {
	src := "import \"fmt\"\n\nfunc f() int {\n\treturn 1\n}\nx := f()\nfmt.Println(x)"
	c, err := Split(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind      Kind
		text      string
		line, col int
	}{
		{Import, `import "fmt"`, 1, 1},
		{Func, "func f() int {\n\treturn 1\n}", 3, 1},
		{Stmt, "x := f()", 6, 1},
		{Stmt, "fmt.Println(x)", 7, 1},
	}
	if len(c.Parts) != len(want) {
		t.Fatalf("got %d parts", len(c.Parts))
	}
	for i, w := range want {
		p := c.Parts[i]
		if p.Kind != w.kind || src[p.Start:p.End] != w.text {
			t.Errorf("part %d = %v %q, want %v %q", i, p.Kind, src[p.Start:p.End], w.kind, w.text)
		}
		if l, col := c.LineCol(p.Start); l != w.line || col != w.col {
			t.Errorf("part %d at %d:%d, want %d:%d", i, l, col, w.line, w.col)
		}
	}
	// A node deep inside a part maps back to the cell.
	call := c.Parts[3].Stmt
	if l, col := c.Position(call.Pos()); l != 7 || col != 1 {
		t.Errorf("statement position %d:%d", l, col)
	}
	if got := c.Text(call); got != "fmt.Println(x)" {
		t.Errorf("Text = %q", got)
	}
}

// A cell that is a Go file (a pasted program) gets the errors go build
// gives the file, all of them: those of its parts were not (an extra
// parenthesis cut a function's part short; a refused token stopped the
// scan of the parts).
func TestFileErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"package main\n\nfunc main() {\n\tprintln(\"a\"))\n}\n", "4:14: syntax error: unexpected ) at end of statement"},
		{"package main\n\nfunc main() {\n\ty := 1 > 0 ? 1 : 2\n}\n", "4:13: invalid character U+003F '?'\n4:15: syntax error: unexpected literal 1 at end of statement"},
		{"// a program\npackage main\n\nmain() {\n}\n", "4:1: syntax error: non-declaration statement outside function body"},
	} {
		_, err := Split(tc.src)
		list, _ := err.(ErrorList)
		var got []string
		for _, e := range list {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg))
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, strings.Join(got, "\n"), tc.want)
		}
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		src       string
		line, col int
		contains  string
	}{
		{"x := 1\ny := (2\n", 2, 8, "syntax error: unexpected newline, expected )"},
		{"func f() {\n\treturn\n", 3, 1, ""},
		{"fmt.Println(\"a\"\n", 1, 16, "syntax error: unexpected newline in argument list; possibly missing comma or )"},
		{"x := 1\n  y := @\n", 2, 8, "invalid character U+0040 '@'"},
		{"if x > 0 {\n}\nelse {\n}", 3, 1, "syntax error: unexpected keyword else, expected }"},
		{"import \"fmt\"\nfor {", 2, 6, ""},
		// go build's places: the expression, where go/parser says after it
		{"defer fmt.Println\n", 1, 7, "expression in defer must be function call"},
		{"func f() {\n\tgo   1\n}", 2, 7, "expression in go must be function call"},
		{"func f() { defer m[\"go\"] }", 1, 18, "expression in defer must be function call"},
		{"defer x", 1, 7, "expression in defer must be function call"},
		{"type B[T any] struct{}\nfunc (b B[T]) M[U any]() {}", 2, 16, "syntax error: method must have no type parameters"},
	}
	for _, tt := range tests {
		_, err := Split(tt.src)
		list, ok := err.(ErrorList)
		if !ok || len(list) == 0 {
			t.Errorf("%q: err = %v, want a syntax error", tt.src, err)
			continue
		}
		e := list[0]
		if e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.contains) {
			t.Errorf("%q: first error %v, want %d:%d containing %q", tt.src, e, tt.line, tt.col, tt.contains)
		}
	}
}
