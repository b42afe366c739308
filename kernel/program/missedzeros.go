package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// zeroMissedValues gives the value of a comma-ok map lookup or assertion
// to a type that is not an interface its type's zero value when the key is
// missing or the assertion fails:
//
//	c, ok := counts[w]         c, ok := counts[w]; if !ok { c = *new(int) }
//	if n, ok := x.(int); !ok   if n, ok := x.(int); (ok || __goconc.Zero(&n)) && (!ok)
//	switch v, ok := m[k]; {    switch v, ok := func() (int, bool) { __goconc_v1, __goconc_ok2 := m[k]; return __goconc_v1, __goconc_ok2 }(); {
//
// Yaegi v0.16.1 sets the value only when the key is there or the assertion
// holds, and leaves what the place held: in a loop, a variable declared by
// the statement held the previous iteration's value (a word counter's
// c, ok := counts[w] gave a new word the last word's count, silently), and
// y, ok = m[k] kept y's. The check costs a comparison; a function literal,
// which Yaegi makes anew at each call and which starts from zeroed values,
// is written only where a statement cannot follow (the init statement of a
// switch or a for, an ok that is discarded or not a variable).
func (g *gen) zeroMissedValues() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			for _, s := range stmtList(n) {
				for {
					l, ok := s.(*ast.LabeledStmt)
					if !ok {
						break
					}
					s = l.Stmt
				}
				switch x := s.(type) {
				case *ast.AssignStmt:
					g.zeroMissedAfter(x, x.Lhs, x.Rhs, x)
				case *ast.DeclStmt:
					if gd, ok := x.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR && len(gd.Specs) == 1 {
						if vs := gd.Specs[0].(*ast.ValueSpec); len(vs.Names) == 2 {
							g.zeroMissedAfter(x, []ast.Expr{vs.Names[0], vs.Names[1]}, vs.Values, nil)
						}
					}
				}
			}
			switch x := n.(type) {
			case *ast.IfStmt:
				if as, ok := x.Init.(*ast.AssignStmt); ok {
					g.zeroMissedInIf(x, as)
				}
			case *ast.SwitchStmt:
				g.zeroMissedByCall(x.Init)
			case *ast.TypeSwitchStmt:
				g.zeroMissedByCall(x.Init)
			case *ast.ForStmt:
				g.zeroMissedByCall(x.Init)
				g.zeroMissedByCall(x.Post)
			}
			return true
		})
	}
}

// missable returns the comma-ok lookup or assertion whose value lhs[0]
// takes, and the value's type, or nil if the statement has none, or its
// value is discarded.
func (g *gen) missable(lhs, rhs []ast.Expr) (ast.Expr, types.Type) {
	if len(lhs) != 2 || len(rhs) != 1 || isBlank(lhs[0]) {
		return nil, nil
	}
	switch x := ast.Unparen(rhs[0]).(type) {
	case *ast.IndexExpr:
		if t := g.c.info.TypeOf(x.X); t != nil {
			if m, ok := t.Underlying().(*types.Map); ok {
				return x, m.Elem()
			}
		}
	case *ast.TypeAssertExpr:
		if t := g.c.info.TypeOf(x.Type); x.Type != nil && t != nil && !isInterface(t) {
			return x, t
		}
	}
	return nil, nil
}

// zeroMissedAfter follows the statement s, which assigns lhs from rhs,
// with the check that zeroes the value. as is s if it is an assignment.
func (g *gen) zeroMissedAfter(s ast.Stmt, lhs, rhs []ast.Expr, as *ast.AssignStmt) {
	x, t := g.missable(lhs, rhs)
	if x == nil {
		return
	}
	if as != nil && g.needsPhases(as) {
		// tupleAssign writes the statement anew, from temporaries.
		g.zeroMissedInCall(x, t)
		return
	}
	ok, typed := g.okPlace(lhs[1])
	place := g.pureTarget(lhs[0])
	zero, known := g.localType(t)
	if !typed || place == "" || !known {
		g.zeroMissedInCall(x, t)
		return
	}
	g.r.After(s, "; if !"+ok+" { "+place+" = *new("+zero+") }")
}

// zeroMissedInIf zeroes the value of an if statement's init, as, where
// the condition or the else branch may read it: the condition becomes
// (ok || __goconc.Zero(&v)) && (cond). A condition that is the ok
// variable alone keeps the value from the then branch; the else branch
// reads it zeroed.
func (g *gen) zeroMissedInIf(is *ast.IfStmt, as *ast.AssignStmt) {
	x, t := g.missable(as.Lhs, as.Rhs)
	if x == nil {
		return
	}
	ok, typed := g.okPlace(as.Lhs[1])
	v, isVar := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !typed || !isVar || g.needsPhases(as) || !types.Identical(g.c.info.TypeOf(v), t) {
		g.zeroMissedInCall(x, t)
		return
	}
	if types.ExprString(ast.Unparen(is.Cond)) == ok && (is.Else == nil || !g.mentions(is.Else, g.c.info.ObjectOf(v))) {
		return
	}
	g.r.Before(is.Cond, "("+ok+" || "+HooksName+".Zero(&"+v.Name+")) && (")
	g.r.After(is.Cond, ")")
}

// zeroMissedByCall zeroes the value of s, the init or post statement of a
// switch or a for, where no statement can follow it.
func (g *gen) zeroMissedByCall(s ast.Stmt) {
	if as, ok := s.(*ast.AssignStmt); ok {
		if x, t := g.missable(as.Lhs, as.Rhs); x != nil {
			g.zeroMissedInCall(x, t)
		}
	}
}

// zeroMissedInCall makes the lookup or assertion x in a function literal
// of its own, whose temporaries start zeroed at each call.
func (g *gen) zeroMissedInCall(x ast.Expr, t types.Type) {
	text, ok := g.localType(t)
	if !ok {
		return
	}
	temps := []string{g.r.Temp("v"), g.r.Temp("ok")}
	g.inOwnLiteral(x, []string{text, "bool"}, temps, temps)
}

// okPlace returns the text of e, the comma-ok's second place, if it is of
// a boolean type and pure (pureTarget).
func (g *gen) okPlace(e ast.Expr) (string, bool) {
	t := g.c.info.TypeOf(e)
	if isBlank(e) || t == nil {
		return "", false
	}
	b, ok := t.Underlying().(*types.Basic)
	text := g.pureTarget(e)
	return text, ok && b.Info()&types.IsBoolean != 0 && text != ""
}

// pureTarget returns the text of place e if writing it again reads nothing
// that could have changed and calls nothing: a variable, or a field or an
// element of one with a variable or constant index; "" otherwise.
func (g *gen) pureTarget(e ast.Expr) string {
	pure := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case nil, *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.BasicLit, *ast.ParenExpr:
		case *ast.StarExpr:
			pure = pure && g.c.info.TypeOf(x.X) != nil
		default:
			pure = false
		}
		return pure
	})
	if !pure {
		return ""
	}
	return types.ExprString(e)
}
