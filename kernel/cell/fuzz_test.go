package cell

import (
	"errors"
	"strings"
	"testing"
)

// FuzzSplit checks that Split never panics, and that what it returns is
// consistent: parts in order, inside the source, each with its node; or
// errors at positions inside the cell. Seeds are in testdata/fuzz/FuzzSplit.
func FuzzSplit(f *testing.F) {
	f.Add("x := 1\nfmt.Println(x)")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Split(src)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not an ErrorList", err)
			}
			lines := strings.Count(src, "\n") + 2
			for _, e := range list {
				if e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("error at %d:%d, outside a %d-line cell: %v", e.Line, e.Col, lines, e)
				}
			}
			return
		}
		end := 0
		for i, p := range c.Parts {
			if p.Start < end || p.End < p.Start || p.End > len(src) {
				t.Fatalf("part %d (%v) spans %d..%d after %d, in %d bytes", i, p.Kind, p.Start, p.End, end, len(src))
			}
			end = p.End
			switch {
			case p.Kind == Stmt && p.Stmt == nil:
				t.Fatalf("statement part %d has no statement", i)
			case p.Kind != Stmt && p.Kind != Package && p.Decl == nil:
				t.Fatalf("%v part %d has no declaration", p.Kind, i)
			}
			if line, col := c.LineCol(p.Start); line < 1 || col < 1 {
				t.Fatalf("part %d starts at %d:%d", i, line, col)
			}
		}
	})
}
