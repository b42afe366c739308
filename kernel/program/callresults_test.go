package program

import "testing"

func TestUnboxedArgs(t *testing.T) {
	const prelude = `type Shape interface{ Area() float64 }
type Sq struct{ s float64 }
func (q Sq) Area() float64 { return q.s * q.s }
func newShape(n int) Shape { return Sq{float64(n)} }
func pair() (Shape, string) { return Sq{1}, "p" }
func describe(s Shape) string { _, ok := s.(Sq); return fmt.Sprint(ok) }
func named(s Shape, n string) string { return n + describe(s) }`
	tests := []struct {
		name, cell string
		want, not  []string
	}{
		{"a call's result in parentheses", "describe(newShape(2))", []string{"describe((/*"}, nil},
		{"a variable as it is", "s := newShape(2); describe(s)", nil, []string{"describe((/*"}},
		{"the operand of an assertion's literal", "v := newShape(2).(Sq); _ = v", []string{"}((/*"}, nil},
		{"several results into variables", "x := named(pair()); _ = x", []string{"__goconc_a", "return /*"}, nil},
		{"in a defer statement, around it", "func f() { defer named(pair()) }", []string{"{ __goconc_a"}, nil},
		{"compiled functions are left alone", "fmt.Println(newShape(2))", nil, []string{"Println((/*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, prelude, tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}
