package program

import (
	"go/ast"
	"go/types"
)

// parenthesizeConditionConversions puts in parentheses a conversion to a
// boolean type that is a condition of an if, a for or a case of a switch
// without a tag:
//
//	if bool(done[i]) {          if (bool(done[i])) {
//	switch { case Ready(b):     switch { case (Ready(b)):
//
// Yaegi v0.16.1 took such a condition for true whatever the value: the
// branch was taken for false, silently. In parentheses it is tested as
// any other value.
func (g *gen) parenthesizeConditionConversions() {
	g.walk(func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IfStmt:
			g.parenthesizeBoolConversion(x.Cond)
		case *ast.ForStmt:
			g.parenthesizeBoolConversion(x.Cond)
		case *ast.SwitchStmt:
			if x.Tag == nil {
				for _, s := range x.Body.List {
					for _, e := range s.(*ast.CaseClause).List {
						g.parenthesizeBoolConversion(e)
					}
				}
			}
		}
		return true
	})
}

// parenthesizeBoolConversion puts e in parentheses if it is a conversion
// to a boolean type that is not a constant.
func (g *gen) parenthesizeBoolConversion(e ast.Expr) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || g.c.info.Types[e].Value != nil {
		return
	}
	if tv, ok := g.c.info.Types[call.Fun]; !ok || !tv.IsType() {
		return
	}
	if b, ok := g.c.info.TypeOf(e).Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		g.parenthesize(e)
	}
}
