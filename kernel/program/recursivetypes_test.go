package program

import "testing"

// TestSelfHoldingTypesRefused: a type that holds itself other than through
// a struct (but a function type) fails the cell with a message naming it,
// where the interpreter panicked as if the cell had; one with a struct
// between compiles.
func TestSelfHoldingTypesRefused(t *testing.T) {
	tests := []compileCase{
		// A function type that returns itself runs as a struct
		// (wrapSelfReturningFuncs), held by the struct it takes too (a
		// group of mutually recursive types, recursivegroups.go).
		{"type lexer struct{ pos int }\ntype stateFn func(*lexer) stateFn", ""},
		{"type lexer struct{ pos int; state stateFn }\ntype stateFn func(*lexer) stateFn", ""},
		{"type Tree map[string]Tree", "[1]:1:6: type Tree holds itself other than through a struct (map[string]Tree)"},
		{"type L []L", "[1]:1:6: type L holds itself"},
		{"type C chan C", "[1]:1:6: type C holds itself"},
		{"type A *[4]B\ntype B A", "[1]:2:6: type B holds itself"},
		{"func f() {\n\ttype G []G\n\tvar g G\n\t_ = g\n}", "type G holds itself other than through a struct ([]G)"},
		{"type Node struct{ kids map[string]*Node; all []Node }", ""},
		{"type state struct{ fn func() state }", ""},
		{"type P *S\ntype S struct{ p P }", ""},
		{"type Handler func(w []byte) error", ""},
		// Two structs holding each other through a function that returns
		// one of them, which the interpreter made unreliably, are a group
		// of mutually recursive types, which goconc makes
		// (recursivegroups.go).
		{"type Server struct{ h Handler }\ntype Handler struct{ serve func(*Server) Handler }", ""},
		{"type S1 struct{ s2 S2 }\ntype S2 struct{ f func(*S1) *S2 }", ""},
		{"type S1 struct{ s2 S2 }\ntype S2 struct{ f func(*S1) }", ""},
		{"type Button struct{ onClick func(*Button) *Button }", ""},
	}
	checkCompiles(t, tests)
}
