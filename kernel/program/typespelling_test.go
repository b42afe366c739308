package program

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestReflectSpelling compares reflectSpelling with what reflect's
// Type.String prints for the same types (written down from Go).
func TestReflectSpelling(t *testing.T) {
	src := `package main

import "io"

type point struct{ x, y int }

var (
	a struct{ P point; n int }
	b []struct{ P point }
	c map[string]interface{ M() }
	d func(point, ...byte) (rune, error)
	e *interface{ io.Reader; Name() string }
	f struct{}
	g []any
	h chan (<-chan int)
	i [2]chan<- point
	j struct{ a int ` + "`json:\"a\"`" + `; io.Writer }
	k func()
	l func(int) string
)
`
	want := map[string]string{
		"a": "struct { P main.point; n int }",
		"b": "[]struct { P main.point }",
		"c": "map[string]interface { M() }",
		"d": "func(main.point, ...uint8) (int32, error)",
		"e": "*interface { Name() string; Read([]uint8) (int, error) }",
		"f": "struct {}",
		"g": "[]interface {}",
		"h": "chan (<-chan int)",
		"i": "[2]chan<- main.point",
		"j": `struct { a int "json:\"a\""; io.Writer }`,
		"k": "func()",
		"l": "func(int) string",
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("main", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := func(p *types.Package) string { return p.Name() }
	for name, w := range want {
		if got := reflectSpelling(pkg.Scope().Lookup(name).Type(), q); got != w {
			t.Errorf("%s: got %s, want %s", name, got, w)
		}
	}
}
