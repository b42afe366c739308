package program

import (
	"go/parser"
	"go/token"
	"testing"
)

// FuzzCompile checks that compiling any cell never panics, and that the
// code it hands the interpreter for a cell it accepts is valid Go: the
// rewrites (channel operations, go statements, closures, shown values)
// must never break the syntax. Seeds are in testdata/fuzz/FuzzCompile.
func FuzzCompile(f *testing.F) {
	f.Add("x := 1\nfmt.Println(x)")
	f.Fuzz(func(t *testing.T, src string) {
		p := New(imp)
		u, err := p.Compile("[1]", src)
		if err != nil {
			return
		}
		for i, c := range u.Chunks {
			code := c.Src
			if !c.Decl {
				code = "package main; func _() {\n" + c.Src + "\n}"
			}
			if _, err := parser.ParseFile(token.NewFileSet(), "chunk.go", code, parser.SkipObjectResolution); err != nil {
				t.Fatalf("chunk %d of the compiled cell is not Go: %v\n--- cell:\n%s\n--- chunk:\n%s", i, err, src, c.Src)
			}
		}
	})
}
