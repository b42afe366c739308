package program

import "testing"

func TestRangeExits(t *testing.T) {
	const seq = "func seq(yield func(int) bool) { _ = yield(1) && yield(2) }\n"
	tests := []struct {
		name string
		cell string
		// what the code must hold, and must not
		want, not []string
	}{
		{"a break of its own loop stops the iterator",
			"func f() { for v := range seq { if v > 1 { break }; fmt.Println(v) } }",
			[]string{"= 0; return false }", ".RangeState("}, []string{"__goconc_next"}},
		{"continue of an outer loop is taken up after the call",
			"func f() { outer: for i := 0; i < 3; i++ { for v := range seq { if v == i { continue outer } } } }",
			[]string{"continue outer }", "__goconc_next"}, nil},
		{"a return from two ranges deep goes through both",
			"func f() int { for a := range seq { for b := range seq { if a == b { return a } } }; return 0 }",
			[]string{"return false }", "return __goconc_r"}, []string{"cannot"}},
		{"goto out of the loop",
			"func f() { for v := range seq { if v == 2 { goto done } }; done: fmt.Println() }",
			[]string{"goto done }"}, nil},
		{"the standard library's iterators are not checked",
			"func f(s []int) { for v := range slices.Values(s) { fmt.Println(v) } }",
			nil, []string{".RangeState(", "__goconc_state"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, "import \"slices\"\n"+seq, tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}
