package program

import (
	"strings"
	"testing"
)

func TestBuiltinGlobals(t *testing.T) {
	tests := []struct {
		name, cell string
		want, not  []string
	}{
		{"a variable named len, declared and used", "len := 3\nt := []int{1, 2, 3}\nt[len-1] = 5",
			[]string{"var __goconc_g_len int", "t[__goconc_g_len", "if __goconc_g_len-1 < 0 || __goconc_g_len-1 >= len(t)"}, []string{"var len int"}},
		{"a constant named cap", "const cap = 4\nfmt.Println(cap)", []string{"__goconc_g_cap = 4", "fmt.Println(__goconc_g_cap"}, nil},
		{"a zero value is not *new(T)", "new := \"n\"\nvar e error\n_, _ = new, e", []string{"var __goconc_z error; e = __goconc_z"}, []string{"*new(error)"}},
		{"a local keeps renamePredeclared's name", "func f() int { len := 2; return len }", []string{"leN := 2"}, []string{"__goconc_g_len"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, "import \"fmt\"\nvar _ = fmt.Sprint", tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}

func TestBrokenPreludeGoesQuietly(t *testing.T) {
	p := New(imp)
	u, err := p.Compile(PreludeLabel, "type Data struct{ s string }\nfunc Show(d Data) error { return nil }")
	if err != nil {
		t.Fatal(err)
	}
	p.Commit(u)
	units := compileAll(t, p, "const error = 10")
	if len(units[0].Notes) != 0 {
		t.Errorf("notes = %q, want none: the prelude's Show goes quietly", units[0].Notes)
	}
	_, err = p.Compile("[2]", "Show(Data{})")
	if err == nil || !strings.Contains(err.Error(), "undefined: Show (goconc's own, of its display API, removed when the notebook declared a name it uses") {
		t.Errorf("err = %v, want one that says why Show is gone", err)
	}
}
