package program

import (
	"regexp"
	"testing"
)

// TestRenamePredeclared lists the names a cell's locals get when they take
// a predeclared one, and those left as they are.
func TestRenamePredeclared(t *testing.T) {
	tests := []struct {
		name string
		cell string
		has  []string // in the code the cell runs
		not  []string
	}{
		{"a local of a function", "func f() int { cap := 4; return cap * 2 }", []string{"caP := 4", "caP * 2"}, []string{"cap := 4"}},
		{"a parameter and a named result", "func area(len, cap int) (new int) { new = len * cap; return }", []string{"leN int, caP int", "neW = leN * caP"}, nil},
		{"a spelling the program has taken is passed over", "func f() int { caP := 1; cap := 2; return caP + cap }", []string{"caP := 1", "cAp := 2", "caP + cAp"}, nil},
		{"two locals of one name in two scopes", "func f() { { len := 1; _ = len }; { len := 2; _ = len } }", []string{"leN := 1", "lEn := 2"}, nil},
		{"a constant", "func f() int { const max = 3; return max }", []string{"const maX = 3", "return maX"}, nil},
		{"a variable of the cell is the notebook's, left", "max := 3\nfmt.Println(max)", []string{"max"}, []string{"maX"}},
		{"a struct's field keeps its name", "type item struct{ len int }\nfunc f() int { len := 1; return item{len: len}.len }", []string{"item{len: leN}.len"}, nil},
		{"iota, which a constant's repetition may name twice over, keeps its", "func f() int { const ( a = iota; iota = iota; b ); return a + b + iota }", []string{"iota = iota"}, []string{"iotA"}},
		{"a type keeps its name", "func f() { type string int; var s string = 1; _ = s }", []string{`"main.string"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := regexp.MustCompile(`/\*line [^*]*\*/`).ReplaceAllString(cellCode(t, `import "fmt"`, tt.cell), "")
			codeHolds(t, code, tt.has, tt.not)
		})
	}
}
