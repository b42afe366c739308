package program

import "go/ast"

// parenthesizeTupleLiterals puts the composite literals among the values
// of an assignment or declaration of several places in parentheses:
//
//	vals, want := s.Values(), []int{1}    vals, want := s.Values(), ([]int{1})
//
// Yaegi v0.16.1 writes a composite literal straight into its place and,
// for the whole statement, skips the assignment that would set the other
// places: vals stayed nil, silently. In parentheses the literal is
// an operand like any other.
func (g *gen) parenthesizeTupleLiterals() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		var values []ast.Expr
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) > 1 && len(x.Rhs) == len(x.Lhs) {
				values = x.Rhs
			}
		case *ast.ValueSpec:
			if len(x.Names) > 1 && len(x.Values) == len(x.Names) {
				values = x.Values
			}
		}
		for _, v := range values {
			if lit, ok := v.(*ast.CompositeLit); ok {
				g.r.Before(lit, "(")
				g.r.After(lit, ")")
			}
		}
		return true
	})
}
