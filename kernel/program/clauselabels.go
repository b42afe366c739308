package program

import (
	"go/ast"
	"go/token"
)

// blockLabelledClauses writes the statements of a case or select clause
// that labels one of them in a block of their own:
//
//	case 123:                       case 123: {
//		if m > 0 { goto End }           if m > 0 { goto End }
//		r++                             r++
//	End:                            End:
//		r += 10                         r += 10 }
//
// Yaegi v0.16.1 finds no label declared in a clause's statements for a
// goto: "undefined: End" (Go 101's "Some case branch blocks must be
// explicit"), nor for the break of a labelled switch or select there
// (case 0: S1: switch { ... break S1 }). A clause is a block of its own
// in Go, so the block changes no scope; a fallthrough, which must end the
// clause, stays out of it.
func (g *gen) blockLabelledClauses() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		var body []ast.Stmt
		switch c := n.(type) {
		case *ast.CaseClause:
			body = c.Body
		case *ast.CommClause:
			body = c.Body
		default:
			return true
		}
		labels := map[string]bool{}
		for _, s := range body {
			if ls, ok := s.(*ast.LabeledStmt); ok {
				labels[ls.Label.Name] = true
			}
		}
		if len(labels) == 0 {
			return true
		}
		last := body[len(body)-1]
		if b, ok := last.(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
			body = body[:len(body)-1]
		}
		if len(body) == 0 {
			return true
		}
		g.r.Around(body[0], body[len(body)-1], "{ ", " }")
		return true
	})
}
