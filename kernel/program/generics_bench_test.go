package program

import (
	"testing"

	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/symbols"
)

// The cost of generic code to a cell, measured by compiling (checking,
// lowering, checking again, rewriting) without running:
//
//	go test -run '^$' -bench Generic ./kernel/program
//
// The target: slices.Sort for []int in a fresh session (reading slices,
// cmp and iter from source included) under 100 ms; a cell without
// generics no slower than before the lowering existed.

func BenchmarkGenericFirstSlicesSort(b *testing.B) {
	for b.Loop() {
		p := New(importer.New(symbols.All())) // a new session: nothing cached
		if _, err := p.Compile("[1]", "xs := []int{3, 1, 2}\nslices.Sort(xs)"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenericSlicesSortAgain(b *testing.B) {
	p := New(importer.New(symbols.All()))
	commit(b, p, "[1]", "xs := []int{3, 1, 2}\nslices.Sort(xs)")
	for b.Loop() {
		if _, err := p.Compile("[2]", "slices.Sort(xs)"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenericChainOfThree(b *testing.B) {
	p := New(importer.New(symbols.All()))
	commit(b, p, "[1]", `func Inner[T any](xs []T, n int) []T { var out []T; for i := 0; i < n; i++ { out = append(out, xs...) }; return out }
func Middle[T any](xs []T, n int) []T { return Inner(xs, n) }
func Outer[T any](x T) []T { return Middle([]T{x}, 2) }`)
	for b.Loop() {
		if _, err := p.Compile("[2]", `fmt.Println(Outer("a"))`); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenericNone(b *testing.B) {
	p := New(importer.New(symbols.All()))
	commit(b, p, "[1]", "func f(x int) int { return x * 2 }")
	for b.Loop() {
		if _, err := p.Compile("[2]", `fmt.Println(f(21))`); err != nil {
			b.Fatal(err)
		}
	}
}

func commit(b *testing.B, p *Program, label, src string) {
	u, err := p.Compile(label, src)
	if err != nil {
		b.Fatal(err)
	}
	p.Commit(u)
}

// A cell without generics in a notebook that has used some: the instances
// stay as they are, so it costs what it costs in a notebook without.
func BenchmarkGenericNoneAfterSome(b *testing.B) {
	p := New(importer.New(symbols.All()))
	commit(b, p, "[1]", "xs := []int{3, 1, 2}\nslices.Sort(xs)\nfunc f(x int) int { return x * 2 }")
	for b.Loop() {
		if _, err := p.Compile("[2]", `fmt.Println(f(21))`); err != nil {
			b.Fatal(err)
		}
	}
}
