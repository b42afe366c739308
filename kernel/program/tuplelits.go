package program

import (
	"go/ast"
	"strings"
)

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
				g.parenthesize(lit)
			}
		}
		return true
	})
}

// defineAll writes a definition of the temporaries names from values, the
// literals among several in parentheses: the rewrites' own definitions of
// several temporaries meet Yaegi's composite literal bug too ({ __a1, __r2
// := []any{"meow"}, q; defer __r2.Foo(__a1) } left __r2 nil).
func defineAll(names, values []string) string {
	vals := make([]string, len(values))
	for i, v := range values {
		vals[i] = v
		if len(values) > 1 && strings.HasSuffix(strings.TrimSpace(v), "}") {
			vals[i] = "(" + v + ")" // (a literal; a call of several results stays as it is)
		}
	}
	return strings.Join(names, ", ") + " := " + strings.Join(vals, ", ")
}
