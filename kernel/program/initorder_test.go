package program

import (
	"go/ast"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/cell"
)

func TestSplitVarGroup(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"gofmt layout", "var (\n\ta = f(b)\n\tc = 1\n)\n", "var  \n\ta = f(b); var\n\tc = 1\n \n"},
		{"one line", "var (a = 1; b = 2)\n", "var  a = 1; var b = 2 \n"},
		{"comments kept", "var (\n\t// doc\n\ta = 1 // one\n\tb = 2\n)\n", "var  \n\t// doc\n\ta = 1; var // one\n\tb = 2\n \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cell.Split(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			gd := c.Parts[0].Decl.(*ast.GenDecl)
			got := splitVarGroup(tt.src, c, gd)
			if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			// Each spec is a var declaration of its own, at its line.
			split, err := cell.Split(got)
			if err != nil {
				t.Fatalf("the split source does not parse: %v", err)
			}
			if len(split.Parts) != len(gd.Specs) {
				t.Errorf("%d parts, want one per spec (%d)", len(split.Parts), len(gd.Specs))
			}
			for i, part := range split.Parts {
				spec := gd.Specs[i]
				line, _ := c.Position(spec.Pos())
				if l, _ := split.Position(part.Decl.(*ast.GenDecl).Specs[0].Pos()); l != line {
					t.Errorf("spec %d moved from line %d to %d", i, line, l)
				}
			}
			if strings.Count(got, "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("lines changed: %q", got)
			}
		})
	}
}

func TestProgramVarsInitOrder(t *testing.T) {
	p := New(imp)
	_, err := p.Compile("[1]", "package main\n\nvar total = sum(values)\n\nvar (\n\tfirst = 1\n\tsecond = len(later)\n)\n\nvar later = []int{1}\n\nvar values = []int{first, second}\n\nfunc sum(xs []int) int { return len(xs) }\n\nfunc main() {}\n")
	if err != nil {
		t.Fatalf("a program whose variables are declared after their uses: %v", err)
	}
}

// A cell runs in the order written: a statement that uses a variable the
// cell declares after it is refused, where a Go file would initialize
// that variable first; a pasted program is put in Go's order.
func TestCellUsesVariableDeclaredLater(t *testing.T) {
	tests := []compileCase{
		{"var total = len(values)\nvar values = []int{1, 2, 3}", "[1]:1:17: values is used before the cell declares it, at line 2"},
		{"var (\n\ta = b + 1\n\tb = 2\n)", "[1]:2:6: b is used before the cell declares it, at line 3"},
		{"n := len(xs)\nxs := []int{1}\n_ = n", "[1]:1:10: xs is used before the cell declares it, at line 2"},
		// A function literal runs when it is called: later.
		{"f := func() int { return len(ys) }\nvar ys = []int{1}\n_ = f()", ""},
		// Fields named as the variable are not the variable.
		{"type T struct{ v int }\nx := T{v: 1}.v\nvar v = 2\n_, _ = x, v", ""},
		{"package main\nvar total = len(values)\nvar values = []int{1, 2, 3}\nfunc main() {}", ""},
	}
	checkCompiles(t, tests)
}

// compileCase is a cell and what compiling it as cell [1] must say: ""
// if it compiles, else a part of the error.
type compileCase struct {
	src  string
	want string
}

// checkCompiles compiles each case's cell in a program of its own.
func checkCompiles(t *testing.T, tests []compileCase) {
	t.Helper()
	for _, tt := range tests {
		_, err := New(imp).Compile("[1]", tt.src)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.src, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: %v, want %q", tt.src, err, tt.want)
		}
	}
}
