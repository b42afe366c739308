package program

import "testing"

func TestCommaOkAssertionsAsStatements(t *testing.T) {
	const prelude = `type P struct{ X int }
func (p P) String() string { return "p" }
type Shape interface{ String() string }`
	tests := []struct {
		name, cell string
		want, not  []string
	}{
		{"a statement of its own", "func f(s Shape) {\np, ok := s.(P)\n_, _ = p, ok\n}",
			[]string{" P; var __goconc_ok", " bool; { var __goconc_x any = ", "if !(__goconc_x == nil) {", "__goconc.WrappedValue(__goconc_x).(P)", "p, ok := __goconc_v"},
			[]string{"func(__goconc_x any) (P, bool)"}},
		{"an if's init, in a block", "func f(s Shape) {\nif p, ok := s.(P); ok {\n_ = p\n} else if q, ok := s.(P); !ok {\n_ = q\n}\n}",
			[]string{"{ var __goconc_v", "if p, ok := __goconc_v", "else { var __goconc_v", "if q, ok := __goconc_v"},
			[]string{"func(__goconc_x any) (P, bool)"}},
		{"an assignment to a variable of another type stays a call", "func f(s Shape) {\nvar v any\nv, ok := s.(P)\n_, _ = v, ok\n}",
			[]string{"func(__goconc_x any) (P, bool)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, prelude, tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}

func TestNotNilComparedByEquality(t *testing.T) {
	const prelude = `type Shape interface{ Area() float64 }`
	code := cellCode(t, prelude, "var s Shape\nvar x any = s\nn := 3\n_ = x != nil && nil != s && n != 4")
	codeHolds(t, code, []string{"x ==", "nil ==", "n != 4"}, []string{"x !=", "nil !="})
}
