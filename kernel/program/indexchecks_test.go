package program

import (
	"strings"
	"testing"
)

// TestIndexChecks counts the index checks a cell gets: one per index the
// loops around it do not prove in range, before the statement, or in
// place where the statement could change the index or the value before
// it indexes (none for an element assigned, addressed or sliced there).
func TestIndexChecks(t *testing.T) {
	tests := []struct {
		name   string
		cell   string
		checks []string // the indexes checked, as the checks write them
	}{
		{"a plain index", "a := []int{1}; i := 3; _ = a[i]", []string{"IndexOutOfRange(i, len(a))"}},
		{"a constant index into a slice", "a := []int{1}; _ = a[3]", []string{"IndexOutOfRange(3, len(a))"}},
		{"a constant index into an array: the compiler's", "var a [4]int; _ = a[3]", nil},
		{"a string", `s := "go"; i := 2; _ = s[i]`, []string{"IndexOutOfRange(i, len(s))"}},
		{"a map is not indexed by position", "m := map[int]int{}; _ = m[3]", nil},
		{"range proves its key", "a := []int{1}; for i := range a { _ = a[i] }", nil},
		{"len proves a count", "a := []int{1}; for i := 0; i < len(a); i++ { _ = a[i] }", nil},
		{"bubble sort's neighbours", "a := []int{2, 1}; for i := 0; i < len(a)-1; i++ { for j := 0; j < len(a)-1-i; j++ { if a[j] > a[j+1] { a[j], a[j+1] = a[j+1], a[j] } } }", nil},
		{"one past the proof", "a := []int{1}; for i := 0; i < len(a); i++ { _ = a[i+1] }", []string{"IndexOutOfRange(i+1, len(a))"}},
		{"a loop that shortens the slice proves nothing", "a := []int{1, 2}; for i := range a { a = a[:1]; _ = a[i] }", []string{"SliceOutOfRange(0, 1, cap(a), true)", "IndexOutOfRange(i, len(a))"}},
		{"a count that cannot be negative needs one comparison", "a := []int{1}; n := 2; for i := 0; i < n; i++ { _ = a[i] }", []string{"if i >= len(a) {"}},
		{"an index of another integer type", "a := []int{1}; var u uint8 = 2; _ = a[u]", []string{"uint64(u) >= uint64(len(a))"}},
		{"a call before the index may change it: checked in place", "a := []int{1}; i := 0; f := func() int { i = 5; return 0 }; _ = f() + a[i]", []string{"IndexOutOfRange(__goconc_i, len(__goconc_s)) }; return __goconc_s[__goconc_i] }("}},
		{"an element of a call's result, in place", "f := func() []int { return nil }; i := 1; _ = f()[i]", []string{"func(__goconc_s []int, __goconc_i int) int {"}},
		{"an element assigned stays where it is", "f := func() []int { return nil }; i := 1; f()[i] = 2", nil},
		{"an element addressed or sliced stays where it is", "var g [2][2]int; f := func() int { return 0 }; i := 1; _, _ = f(), &g[i]; _ = g[f()][:]", nil},
		{"a call around the index runs after it", "a := []int{1}; i := 2; fmt.Println(a[i])", []string{"IndexOutOfRange(i, len(a))"}},
		{"after && the index may not run: checked in place", "a := []int{1}; i := 2; if i < len(a) && a[i] > 0 {}", []string{"if i < len(a) && func(__goconc_s []int, __goconc_i int) int {"}},
		{"an element of an element", "g := [][]int{{1}}; i, j := 0, 1; _ = g[i][j]", []string{"IndexOutOfRange(i, len(g))", "IndexOutOfRange(j, len(g[i]))"}},
		{"a slice's bounds", "a := []int{1}; i, j := 0, 2; _ = a[i:j]", []string{"if j < 0 || j > cap(a) || i < 0 || i > j { __goconc.SliceOutOfRange(i, j, cap(a), true) }"}},
		{"a string's, against its length", `s := "go"; j := 3; _ = s[:j]`, []string{"if j < 0 || j > len(s) {"}},
		{"an omitted high bound is the length", "a := []int{1}; i := 2; _ = a[i:]", []string{"if i < 0 || i > len(a) {"}},
		{"three bounds", "a := []int{1}; i, j, k := 0, 1, 2; _ = a[i:j:k]", []string{"if k < 0 || k > cap(a) || j < 0 || j > k || i < 0 || i > j {"}},
		{"a loop proves a window's one bound", "a := []int{1}; for i := range a { _, _ = a[i:], a[:i+1] }", nil},
		{"an array's constant bounds: the compiler's", "var a [4]int; _ = a[1:3]", nil},
		{"a whole slice cannot fail", "a := []int{1}; _ = a[:]", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cellCode(t, "import \"fmt\"\nvar _ = fmt.Sprint", tt.cell)
			if n := strings.Count(got, "OutOfRange("); n != len(tt.checks) {
				t.Errorf("%d checks, want %d:\n%s", n, len(tt.checks), got)
			}
			for _, c := range tt.checks {
				if !strings.Contains(got, c) {
					t.Errorf("no %q in:\n%s", c, got)
				}
			}
		})
	}
}
