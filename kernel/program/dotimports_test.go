package program

import (
	"strings"
	"testing"
)

// A name a cell takes from a dot import is written qualified by the name
// the notebook imports the package by too, in that cell and in later
// ones; a name of the cell's own (a local, a field, a selector's) is not.
func TestDotImportsQualified(t *testing.T) {
	p := New(imp)
	units := compileAll(t, p, `import . "strings"`,
		"func shout(s string) string { return ToUpper(s) }\ntype S struct{ Builder; Repeat int }",
		"func f() string { Repeat := func() string { return shout(Title(\"x\")) }; return Repeat() }\nvar s S\ns.Repeat = 2\nfmt.Println(f(), s.Repeat, strings.ToLower(\"Y\"))")
	code := func(u *Unit) string {
		var b strings.Builder
		for _, c := range u.Chunks {
			b.WriteString(c.Src)
		}
		return b.String()
	}
	codeHolds(t, code(units[0]), []string{`__goconc_dot_strings "strings"`}, []string{`. "strings"`})
	codeHolds(t, code(units[1]), []string{"__goconc_dot_strings.ToUpper(s)", "__goconc_dot_strings.Builder"}, nil)
	codeHolds(t, code(units[2]), []string{"__goconc_dot_strings.Title(", "s.Repeat = 2", "strings.ToLower("},
		[]string{"__goconc_dot_strings.Repeat", "__goconc_dot_strings.strings"})
}

// What go build says of a dot import's names that meet others, at the
// cell's places.
func TestDotImportErrors(t *testing.T) {
	for _, tc := range []struct{ cell, want string }{
		{"var Repeat = 4", `[2]:1:5: Repeat already declared through dot-import of package strings ("strings")`},
		{"func Title(s string) string { return s }", `[2]:1:6: Title already declared through dot-import of package strings ("strings")`},
		{"x, Repeat := 1, 4", `[2]:1:4: Repeat already declared through dot-import of package strings ("strings")`},
		{"Repeat = 3", "[2]:1:1: cannot assign to Repeat (neither addressable nor a map index expression)"},
		{"Println(1)", "[2]:1:1: undefined: Println"},
		{"import (\n\t\"fmt\"\n\t. \"bytes\"\n)\nfmt.Println(Repeat)", "[2]:3:2: Clone redeclared in this block\n[2]:3:2: Compare redeclared in this block"},
	} {
		p := New(imp)
		compileAll(t, p, `import . "strings"`)
		_, err := p.Compile("[2]", tc.cell)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %s", tc.cell, err, tc.want)
		}
	}
}

// Where a name of a package read from source is met, the other
// declaration is where go build says it is.
func TestDotImportOtherDeclaration(t *testing.T) {
	p := New(imp)
	compileAll(t, p, `import . "slices"`)
	_, err := p.Compile("[2]", `import . "strings"`)
	want := "[2]:1:8: Clone redeclared in this block\n\t$GOROOT/src/slices/slices.go:"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("%v, want %s...", err, want)
	}
}
