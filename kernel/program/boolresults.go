package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// parenthesizeBoolResults puts in parentheses a comparison, or its
// negation, that a function returns as an interface:
//
//	func gt(x, y any) any { return x.(float64) > y.(float64) }
//
// returns (x.(float64) > y.(float64)). Yaegi writes such a result straight
// into the function's result, an interface, and panicked: "reflect: call of
// reflect.Value.SetBool on interface Value" (Go's
// test/fixedbugs/issue4785.go). In parentheses it is a value like any
// other.
func (g *gen) parenthesizeBoolResults() {
	for _, fd := range g.rewritable() {
		var results []*types.Tuple // of the enclosing functions
		var visit func(n ast.Node) bool
		visit = func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				sig, _ := g.c.info.TypeOf(x).(*types.Signature)
				results = append(results, sigResults(sig))
				ast.Inspect(x.Body, visit)
				results = results[:len(results)-1]
				return false
			case *ast.ReturnStmt:
				if len(results) == 0 {
					return true
				}
				rs := results[len(results)-1]
				if rs == nil || rs.Len() != len(x.Results) {
					return true
				}
				for i, e := range x.Results {
					if isInterface(rs.At(i).Type()) && isBoolOp(e) {
						g.r.Before(e, "(")
						g.r.After(e, ")")
					}
				}
			}
			return true
		}
		if fn, ok := g.c.info.Defs[fd.Name].(*types.Func); ok {
			results = append(results, sigResults(fn.Signature()))
		} else {
			results = append(results, nil)
		}
		ast.Inspect(fd.Body, visit)
	}
}

func sigResults(sig *types.Signature) *types.Tuple {
	if sig == nil {
		return nil
	}
	return sig.Results()
}

// isBoolOp reports whether e is a comparison or a negation.
func isBoolOp(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			return true
		}
	case *ast.UnaryExpr:
		return x.Op == token.NOT
	}
	return false
}
