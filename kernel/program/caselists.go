package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

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

// integerCases writes a case of a switch on an integer that is a
// constant written as a float (case 1e16:, or a constant declared so) as
// the integer it is. Yaegi
// v0.16.1 compared the tag with it as floats, and 1e16+1 matched case
// 1e16 (Go's test/fixedbugs/issue43480.go). A constant case of a switch
// on a complex number is converted to the tag's type: case 1: panicked
// ("reflect.Value.Convert: value of type complex128 cannot be converted
// to type int").
func (g *gen) integerCases() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || sw.Tag == nil {
				return true
			}
			b, ok := g.c.info.TypeOf(sw.Tag).Underlying().(*types.Basic)
			if ok && b.Info()&types.IsComplex != 0 {
				g.complexCases(sw)
				return true
			}
			if !ok || b.Info()&types.IsInteger == 0 {
				return true
			}
			for _, s := range sw.Body.List {
				for _, e := range s.(*ast.CaseClause).List {
					tv := g.c.info.Types[e]
					if tv.Value == nil || !g.writesFloat(e) {
						continue
					}
					if text, ok := g.constLiteral(tv.Value, tv.Type); ok {
						g.r.Replace(e, func() string { return text })
					}
				}
			}
			return true
		})
	}
}

// complexCases converts the constant cases of sw, a switch on a complex
// number, to the tag's type.
func (g *gen) complexCases(sw *ast.SwitchStmt) {
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			if g.c.info.Types[e].Value != nil {
				g.convertTo(e, g.c.info.TypeOf(sw.Tag))
			}
		}
	}
}

// writesFloat reports whether e holds a floating-point literal, or names
// an untyped constant declared with one (const Big = 1e16).
func (g *gen) writesFloat(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.BasicLit:
			found = x.Kind == token.FLOAT
		case *ast.Ident:
			if c, ok := g.c.info.Uses[x].(*types.Const); ok {
				b, ok := c.Type().(*types.Basic)
				found = ok && b.Kind() == types.UntypedFloat
			}
		}
		return !found
	})
	return found
}
