package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// parenthesizeBuiltinValues puts in parentheses a call of a builtin that
// is one of several values a statement returns or assigns:
//
//	return sum / n, len(xs)     becomes    return sum / n, (len(xs))
//	lo, hi = 0, len(a)          becomes    lo, hi = 0, (len(a))
//
// Yaegi v0.16.1 writes the result of a builtin call that a return
// statement holds straight into the function's first result, whatever its
// place: return a + 10, len(s) returned 3, 3 for Go's 11, 3, and a later
// append or make panicked ("reflect.Set: value of type []int is not
// assignable to type int"). Assigning several places, it lost the other
// values: lo, hi = 0, len(a) left lo as it was. In parentheses the call is
// a value like any other.
func (g *gen) parenthesizeBuiltinValues() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		var values []ast.Expr
		switch s := n.(type) {
		case *ast.ReturnStmt:
			values = s.Results
		case *ast.AssignStmt:
			if s.Tok == token.ASSIGN || s.Tok == token.DEFINE {
				values = s.Rhs
			}
		}
		if len(values) < 2 {
			return true
		}
		for _, e := range values {
			if g.builtinValue(e) {
				g.parenthesize(e)
			}
		}
		return true
	})
}

// builtinValue reports whether e, as written, is a call of a builtin with
// a result (len, cap, append, make, new, complex, real, imag, min, max,
// copy), not in parentheses.
func (g *gen) builtinValue(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := g.c.info.Uses[id].(*types.Builtin)
	return ok && b.Name() != "recover" && g.c.info.Types[e].Value == nil
}
