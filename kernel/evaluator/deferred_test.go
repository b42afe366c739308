package evaluator

import "testing"

func TestRecoverFrame(t *testing.T) {
	tests := []struct {
		name, deferred string
		calls          []string // functions beginning, in order
		want           []bool   // whether each is the deferred call's frame
	}{
		{"the deferred function, then its call of itself", "main.nested", []string{"main.nested", "main.nested"}, []bool{true, false}},
		{"another function first", "main.catch", []string{"main.helper", "main.catch"}, []bool{false, true}},
		{"one of an interface's methods", "(*main.L).Recover|(main.Q).Recover", []string{"(main.Q).Recover", "(*main.L).Recover"}, []bool{true, false}},
		{"a name that only ends the same", "(main.Q).Recover", []string{"(main.XQ).Recover"}, []bool{false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newDeferredPanic("boom", tt.deferred)
			defer p.Pop()
			for i, fn := range tt.calls {
				if got := recoverFrame(fn); got != tt.want[i] {
					t.Errorf("recoverFrame(%q), call %d: %v, want %v", fn, i, got, tt.want[i])
				}
			}
		})
	}
}

func TestTakeDeferredPanicOnce(t *testing.T) {
	p := newDeferredPanic("boom", "main.catch|main.other")
	defer p.Pop()
	if v := takeDeferredPanic("main.elsewhere"); v != nil {
		t.Fatalf("a function not deferred took %v", v)
	}
	if v := takeDeferredPanic("main.other"); v != "boom" {
		t.Fatalf("the deferred method took %v, want boom", v)
	}
	if v := takeDeferredPanic("main.catch"); v != nil {
		t.Fatalf("a second recover() took %v, want nil", v)
	}
}
