package reflectname

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestOf compares Of with what reflect's
// Type.String prints for the same types (written down from Go).
func TestOf(t *testing.T) {
	src := `package main

import (
	"io"
	"net/http"
)

type point struct{ x, y int }

type Box[T any] struct{ V T }

type Pair[K comparable, V any] struct {
	K K
	V V
}

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
	m Pair[string, Box[int]]
	n *Box[[]byte]
	o Box[http.Header]
	p Box[struct{ X, y int }]
	q Box[map[rune]any]
	r Box[interface{ M() }]
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
		// Type arguments as the linker names them (written down from
		// Go 1.26's %T).
		"m": "main.Pair[string,main.Box[int]]",
		"n": "*main.Box[[]uint8]",
		"o": "main.Box[net/http.Header]",
		"p": "main.Box[struct { X int; main.y int }]",
		"q": "main.Box[map[int32]interface {}]",
		"r": "main.Box[interface { M() }]",
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
		if got := Of(pkg.Scope().Lookup(name).Type(), q); got != w {
			t.Errorf("%s: got %s, want %s", name, got, w)
		}
	}
}
