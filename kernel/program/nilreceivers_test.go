package program

import "testing"

func TestNilReceivers(t *testing.T) {
	const prelude = `type Shape interface{ Area() float64; Label(p string, more ...string) string }
type Sq struct{ s float64 }
func (q Sq) Area() float64 { return q.s * q.s }
func (q Sq) Label(p string, more ...string) string { return p }
type Circle struct{ r float64 }
func (c *Circle) Area() float64 { return c.r }
func (c *Circle) Label(p string, more ...string) string { return p }
func note() string { return "n" }
func newShape() Shape { var q *Sq; return q }
func pick(b bool) Shape { if b { return Sq{} }; return &Circle{} }
var shapes []Shape`
	const check = `.(*Sq); __goconc_ok && __goconc_p == nil { __goconc.ValueMethodNil("main.Sq.Area", "Sq") }`
	const checkLabel = `.(*Sq); __goconc_ok && __goconc_p == nil { __goconc.ValueMethodNil("main.Sq.Label", "Sq") }`
	tests := []struct {
		name, cell string
		want, not  []string
	}{
		{"before the statement", "for _, s := range shapes { fmt.Println(s.Area()) }", []string{"s" + check + "; "}, []string{"func(__goconc_x"}},
		{"no type with a pointer method", "for _, s := range shapes { _ = s.Label(\"p\") }", []string{"s" + checkLabel}, []string{"Circle"}},
		{"a second call, in a literal", "for _, s := range shapes { fmt.Println(note(), s.Area()) }",
			[]string{"func(__goconc_x Shape) float64 { if __goconc_p, __goconc_ok := __goconc_x" + check + "; return __goconc_x.Area() }("}, nil},
		{"an argument that calls, in a literal", "for _, s := range shapes { _ = s.Label(note(), \"a\", \"b\") }",
			[]string{"func(__goconc_x Shape, __goconc_a0 string, __goconc_a1 ...string) string {", "return __goconc_x.Label(__goconc_a0, __goconc_a1...) }("}, nil},
		{"the right of &&, in a literal", "for _, s := range shapes { _ = len(shapes) > 0 && s.Area() > 1 }", []string{"func(__goconc_x Shape) float64 {"}, nil},
		{"a method value checks when called", "for _, s := range shapes { f := s.Area; _ = f }", []string{"__goconc_b" + check}, nil},
		{"a local of one type: gc calls Sq's method", "func f() { var q *Sq; var s Shape = q; _ = s.Area() }", nil, []string{check}},
		{"a small constructor's result: gc may inline it", "func f() { s := newShape(); _ = s.Area() }", nil, []string{check}},
		{"a constructor of two types: gc cannot tell", "func f() { s := pick(true); _ = s.Area() }", []string{"s" + check}, nil},
		{"a parameter of a function gc cannot inline", "func f(s Shape) { defer note(); _ = s.Area() }", []string{"s" + check}, nil},
		{"a parameter of a small function", "func f(s Shape) float64 { return s.Area() }", nil, []string{check}},
		{"a go statement's, when the goroutine calls it", "for _, s := range shapes { go s.Area() }", []string{"return func() (float64) { if __goconc_p, __goconc_ok := __goconc_b" + check}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, prelude, tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}
