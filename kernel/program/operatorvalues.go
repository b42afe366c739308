package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// parenthesizeOperatorValues puts in parentheses an operation (a
// comparison, a negation, -x, ^x, x % y, x << y...) whose value goes
// straight into a place of an interface type, or nowhere:
//
//	var v any; v = -n                          v = (-n)
//	func gt(x, y any) any { return x > y }     return (x > y)    (x, y float64)
//	_ = done == false                          _ = (done == false)
//
// Yaegi v0.16.1 writes such an operation's result straight into the place
// it is assigned or returned to, and for an interface it could not: the
// cell ended there, silently, printing nothing more (v = -n, v = n % 3,
// v = n << 2, and the same into an element, a field or a map entry of an
// interface type), a function returned nil for -x, or it panicked:
// "reflect: call of reflect.Value.SetBool on interface Value" (Go's
// test/fixedbugs/issue4785.go). Assigned to the blank identifier, a
// comparison's result went into one of its operands: _ = done == false
// set done to true (Go's test/fixedbugs/issue15303.go panicked). In
// parentheses the operation is a value like any other.
func (g *gen) parenthesizeOperatorValues() {
	g.inspectResults(func(n ast.Node, rs *types.Tuple) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && len(x.Lhs) == 1 && len(x.Rhs) == 1 && (isBlank(x.Lhs[0]) || isInterface(g.c.info.TypeOf(x.Lhs[0]))) {
				g.parenthesizeOperation(x.Rhs[0])
			}
		case *ast.ReturnStmt:
			if rs == nil || rs.Len() != len(x.Results) {
				return true
			}
			for i, e := range x.Results {
				if isInterface(rs.At(i).Type()) {
					g.parenthesizeOperation(e)
				}
			}
		}
		return true
	})
}

func sigResults(sig *types.Signature) *types.Tuple {
	if sig == nil {
		return nil
	}
	return sig.Results()
}

// parenthesizeOperation puts e in parentheses if it is an operation that
// is not a constant: a binary one, or a unary one other than & and <-.
func (g *gen) parenthesizeOperation(e ast.Expr) {
	switch x := e.(type) {
	case *ast.BinaryExpr:
	case *ast.UnaryExpr:
		if x.Op == token.AND || x.Op == token.ARROW {
			return
		}
	default:
		return
	}
	if g.c.info.Types[e].Value != nil {
		return // a constant: Yaegi sets it as one
	}
	g.parenthesize(e)
}
