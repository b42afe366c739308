package program

import "testing"

func TestDeferredRecoverNames(t *testing.T) {
	const prelude = `type R interface{ Recover() }
type L struct{}
func (*L) Recover() { recover() }
type Q int
func (Q) Recover() { recover() }
type N int
func (N) Recover() {}
func catch() { recover() }`
	tests := []struct {
		name, cell string
		want, not  []string
	}{
		{"a literal in a variable", "func f() { h := func() { recover() }; defer h(); panic(1) }",
			[]string{`DeferredPanic(recover(), "func literal at [2]:1:17")`, `RecoverFrame("func literal at [2]:1:17")`}, nil},
		{"a function in a variable", "func f() { g := catch; defer g(); panic(1) }", []string{`DeferredPanic(recover(), "main.catch")`}, nil},
		{"a method value in a variable", "func f() { l := &L{}; g := l.Recover; defer g(); panic(1) }", []string{`DeferredPanic(recover(), "(*main.L).Recover")`}, nil},
		{"an interface's method: each that recovers", "func f(r R) { defer r.Recover(); panic(1) }",
			[]string{`DeferredPanic(recover(), "(*main.L).Recover|(main.Q).Recover")`}, []string{"(main.N).Recover"}},
		{"a variable given two values", "func f(b bool) { g := catch; if b { g = func() {} }; defer g(); panic(1) }", nil, []string{"DeferredPanic"}},
		{"the function's frame is asked for", "func c2() { recover() }\nfunc f() { defer c2(); panic(1) }", []string{`RecoverFrame("main.c2")`, `RecoveredIn(`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, prelude, tt.cell)
			codeHolds(t, code, tt.want, tt.not)
		})
	}
}
