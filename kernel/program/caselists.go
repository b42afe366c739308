package program

import "go/ast"

// joinTaglessCases writes a case of a switch without a tag that lists
// several conditions as one condition, their disjunction:
//
//	switch {                                   switch {
//	case '0' <= b && b <= '9', 'A' <= b:       case ('0' <= b && b <= '9') || ('A' <= b):
//
// Yaegi v0.16.1 tests only the first condition of such a case: an 'A'
// went to default (Go's test/fixedbugs/issue8325.go), and x := 5 was not
// in case x < 0, x > 3. Go tests the conditions in order and stops at the
// first that holds, as || does.
func (g *gen) joinTaglessCases() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || sw.Tag != nil {
				return true
			}
			for _, s := range sw.Body.List {
				cc := s.(*ast.CaseClause)
				if len(cc.List) < 2 {
					continue
				}
				for i, e := range cc.List {
					g.r.Before(e, "(")
					if i+1 < len(cc.List) {
						g.r.ReplaceRange(e.End(), cc.List[i+1].Pos(), ") || ")
					} else {
						g.r.After(e, ")")
					}
				}
			}
			return true
		})
	}
}
