package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// defaultsInPlace gives the default clause of a switch a condition when
// it is not the last clause and a clause falls through:
//
//	switch {                    switch {
//	case i == 5:                case i == 5:
//		n++                         n++
//		fallthrough                 fallthrough
//	default:                    case !(i == 5 || i == 6):
//		n++                         n++
//	case i == 6:                case i == 6:
//		n++                         n++
//	}                           }
//
// Yaegi runs the default clause last whatever its place, and its
// fallthrough goes to the next clause in that order: from case 5 into
// case 6 above, and from a default written first into nothing (Go's
// test/switch.go). A case that holds when no other does is the default in
// its place. Its condition reads the other cases again, so they must be
// free of calls. A switch with a tag loses it: the tag is read once into
// a variable, which each case compares with (switch __goconc_sw1 := i; {
// case __goconc_sw1 == 5: ...).
func (g *gen) defaultsInPlace() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || !fallsThrough(sw) {
			return true
		}
		clauses := sw.Body.List
		var def *ast.CaseClause
		for i, s := range clauses {
			if cc := s.(*ast.CaseClause); cc.List == nil && i < len(clauses)-1 {
				def = cc
			}
		}
		if def == nil {
			return true
		}
		if sw.Tag != nil && isInterface(g.c.info.TypeOf(sw.Tag)) {
			return true // (interfaceSwitches writes these cases)
		}
		var cases []ast.Expr
		for _, s := range clauses {
			cases = append(cases, s.(*ast.CaseClause).List...)
		}
		for _, e := range cases {
			if !g.readsTwice(e) {
				g.cannotRun(def.Pos(), "this switch's default clause is not its last and a clause falls through, which goconc's interpreter runs out of order, and a case calls a function: goconc cannot run it as Go does. Make default the last clause, or compute the case values before the switch")
				return true
			}
		}
		tag := ""
		if sw.Tag != nil {
			// The switch loses its tag, and each case compares with it.
			if sw.Init != nil {
				g.cannotRun(def.Pos(), "this switch's default clause is not its last and a clause falls through, which goconc's interpreter runs out of order; goconc runs it as Go does only without an init statement: move the init statement before the switch, or make default the last clause")
				return true
			}
			tag = g.r.Temp("sw")
			g.r.Before(sw.Tag, tag+" := ")
			g.r.After(sw.Tag, ";")
			for _, s := range clauses {
				cc := s.(*ast.CaseClause)
				for _, e := range cc.List {
					open, close := operand(e)
					g.r.At(cc, e.Pos(), tag+" == "+open)
					g.r.At(cc, e.End(), close)
				}
			}
		}
		keyword := &ast.Ident{NamePos: def.Case, Name: "default"}
		g.r.Replace(keyword, func() string {
			var alts []string
			for _, e := range cases {
				if tag != "" {
					open, close := operand(e)
					alts = append(alts, "("+tag+" == "+open+g.r.Source(e)+close+")")
				} else {
					alts = append(alts, "("+g.r.Source(e)+")")
				}
			}
			if len(alts) == 0 {
				return "case true"
			}
			return "case !(" + strings.Join(alts, " || ") + ")"
		})
		return true
	})
}

// fallsThrough reports whether a clause of sw ends in fallthrough.
func fallsThrough(sw *ast.SwitchStmt) bool {
	for _, s := range sw.Body.List {
		body := s.(*ast.CaseClause).Body
		if len(body) > 0 {
			if b, ok := body[len(body)-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				return true
			}
		}
	}
	return false
}

// readsTwice reports whether e can be evaluated a second time with the
// same result and no effect: constants, variables, fields, elements and
// operators on them, conversions.
func (g *gen) readsTwice(e ast.Expr) bool {
	if tv, ok := g.c.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return g.readsTwice(e.X)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && g.isPackage(x) {
			_, isVar := g.c.info.Uses[e.Sel].(*types.Var)
			return isVar
		}
		return g.readsTwice(e.X)
	case *ast.StarExpr:
		return g.readsTwice(e.X)
	case *ast.IndexExpr:
		return g.readsTwice(e.X) && g.readsTwice(e.Index)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && g.readsTwice(e.X)
	case *ast.BinaryExpr:
		return g.readsTwice(e.X) && g.readsTwice(e.Y)
	case *ast.CallExpr:
		if tv, ok := g.c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return g.readsTwice(e.Args[0])
		}
	}
	return false
}

func (g *gen) isPackage(id *ast.Ident) bool {
	_, ok := g.c.info.Uses[id].(*types.PkgName)
	return ok
}

// operand returns the parentheses e needs as the right operand of ==:
// none but for a comparison or a logical operator (Yaegi fails on a
// parenthesized constant there: !(t == (7) || t == (8)) panics).
func operand(e ast.Expr) (string, string) {
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op.Precedence() <= token.EQL.Precedence() {
		return "(", ")"
	}
	return "", ""
}
