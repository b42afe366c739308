package program

import "testing"

func TestTypeSwitchCases(t *testing.T) {
	const prelude = `type P struct{ X int }
func (p P) String() string { return "p" }
type Shape interface{ Area() float64 }`
	tests := []struct {
		name, cell string
		want, not  []string
	}{
		{"cases picked by statements, in order", "var i any = 1\nswitch v := i.(type) {\ncase int:\n_ = v\ncase P, *P:\ncase nil:\ndefault:\n}",
			[]string{" := -1; ", "int); ok { __goconc_c", " = 0 } }", " == nil { __goconc_c", " = 2 }", "switch __goconc_c", "case 0: v, _ := __goconc_x", "default:"},
			[]string{"func() bool"}},
		{"the wrapper's value taken when a case needs it", "var i any = P{}\nswitch i.(type) {\ncase P:\n}",
			[]string{"d := false; ", "d = __goconc.WrappedValue(__goconc_x", "), true }"}, []string{"any; if __goconc_x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, prelude, tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}
