package program

import (
	"fmt"
	"testing"

	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/symbols"
)

// BenchmarkTrivialCell compiles `x := 1` in a new notebook; with
// AfterDeclarations, in one that declared 40 types and functions first, as
// a course notebook has by its end: a cell must not cost the size of the
// notebook (the supervisor's benchmarks of the same names measure the
// whole round trip).
func BenchmarkTrivialCell(b *testing.B) {
	p := New(importer.New(symbols.All()))
	for b.Loop() {
		if _, err := p.Compile("[1]", "x := 1"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrivialCellAfterDeclarations(b *testing.B) {
	p := afterDeclarations(b)
	for b.Loop() {
		if _, err := p.Compile("[41]", "x := 1"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPrintCellAfterDeclarations compiles a cell of statements only,
// fmt.Println(work3(2)), after the same 40 declarations.
func BenchmarkPrintCellAfterDeclarations(b *testing.B) {
	p := afterDeclarations(b)
	for b.Loop() {
		if _, err := p.Compile("[41]", "fmt.Println(work3(2))"); err != nil {
			b.Fatal(err)
		}
	}
}

// afterDeclarations returns a notebook whose 40 cells declared 20 types
// with a method and 20 functions using them.
func afterDeclarations(b *testing.B) *Program {
	p := New(importer.New(symbols.All()))
	for i := 0; i < 20; i++ {
		commit(b, p, fmt.Sprintf("[%d]", 2*i+1), fmt.Sprintf("type point%d struct{ x, y int }\nfunc (p point%d) sum() int { return p.x + p.y }", i, i))
		commit(b, p, fmt.Sprintf("[%d]", 2*i+2), fmt.Sprintf("func work%d(n int) int {\n\ts := 0\n\tfor i := 0; i < n; i++ {\n\t\ts += point%d{i, %d}.sum()\n\t}\n\treturn s\n}", i, i, i))
	}
	return p
}
