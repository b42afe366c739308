package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// derefFirst dereferences a pointer that a map element or the blank
// identifier is assigned from, before the assignment:
//
//	m[k] = *p          { __goconc_d1 := *p; m[k] = __goconc_d1 }
//	_ = *p             { __goconc_d1 := *p; _ = __goconc_d1 }
//	x, _ := 1, *p      x, __goconc_d1 := 1, *p; _ = __goconc_d1
//	var _ = *p         var __goconc_d1 = *p; _ = __goconc_d1
//	return 1, *p       { __goconc_d1 := *p; return 1, __goconc_d1 }
//
// Yaegi's *p of a nil pointer is reflect's zero Value, not a panic. A map
// element set to the zero Value is deleted, and the blank identifier takes
// it, and a function returning several results had set the ones before it
// when it panicked (a function that recovers returned them): the
// statement did nothing, silently, where Go panics (Go's
// test/fixedbugs/issue22881.go; _ = *p is how a program checks that a
// nil pointer panics). Assigned to a variable, the zero Value panics.
func (g *gen) derefFirst() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		for _, s := range stmtList(n) {
			switch s := s.(type) {
			case *ast.AssignStmt:
				g.derefBeforeStore(s)
			case *ast.DeclStmt:
				g.derefBeforeBlankVar(s)
			case *ast.ReturnStmt:
				g.derefBeforeReturn(s)
			}
		}
		return true
	})
}

// derefBeforeStore rewrites an assignment statement of a dereference to a
// map element or to _.
func (g *gen) derefBeforeStore(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return
	}
	if len(as.Lhs) == 1 && as.Tok == token.ASSIGN {
		if !g.isDeref(as.Rhs[0]) || !isBlank(as.Lhs[0]) && !g.isMapElement(as.Lhs[0]) {
			return
		}
		tmp := g.r.Temp("d")
		g.r.Replace(as, func() string {
			return "{ " + tmp + " := " + g.r.Source(as.Rhs[0]) + "; " + g.r.Source(as.Lhs[0]) + " = " + tmp + " }"
		})
		return
	}
	if as.Tok != token.DEFINE {
		return // several places: tupleAssigns evaluates every value first
	}
	for i, l := range as.Lhs {
		if isBlank(l) && g.isDeref(as.Rhs[i]) {
			g.blankAsTemp(as, l.(*ast.Ident))
		}
	}
}

// derefBeforeReturn rewrites a return statement of several results, one
// of them after the first a dereference, when nothing before it calls or
// receives: the dereferences, done first, see what they would have seen.
func (g *gen) derefBeforeReturn(rs *ast.ReturnStmt) {
	var derefs []int
	for i, r := range rs.Results {
		if i > 0 && g.isDeref(r) {
			derefs = append(derefs, i)
		}
	}
	if len(derefs) == 0 {
		return
	}
	last := rs.Results[derefs[len(derefs)-1]]
	for _, r := range rs.Results {
		if r.Pos() >= last.End() {
			break
		}
		effect := false
		ast.Inspect(r, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			effect = effect || g.effect(n)
			return !effect
		})
		if effect {
			return
		}
	}
	// Each dereference is replaced by its temporary, in place, so that
	// the rewrites of the other results (returnResultsAtOnce) stay.
	var temps []string
	for _, i := range derefs {
		tmp := g.r.Temp("d")
		temps = append(temps, tmp)
		g.r.Replace(rs.Results[i], func() string { return tmp })
	}
	g.r.BeforeFunc(rs, func() string {
		var b strings.Builder
		b.WriteString("{ ")
		for k, i := range derefs {
			star := ast.Unparen(rs.Results[i]).(*ast.StarExpr)
			b.WriteString(temps[k] + " := *(" + g.r.Source(star.X) + "); ")
		}
		return b.String()
	})
	g.r.After(rs, " }")
}

// derefBeforeBlankVar rewrites var _ = *p in a function.
func (g *gen) derefBeforeBlankVar(ds *ast.DeclStmt) {
	gd, ok := ds.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) != len(vs.Names) {
			continue
		}
		for i, name := range vs.Names {
			if name.Name == "_" && g.isDeref(vs.Values[i]) {
				g.blankAsTemp(ds, name)
			}
		}
	}
}

// blankAsTemp names the blank identifier blank, of statement s, by a
// temporary that the blank identifier is assigned after s.
func (g *gen) blankAsTemp(s ast.Stmt, blank *ast.Ident) {
	tmp := g.r.Temp("d")
	g.r.Replace(blank, func() string { return tmp })
	g.r.After(s, "; _ = "+tmp)
}

// isDeref reports whether e is *p, a dereference and not a pointer type.
func (g *gen) isDeref(e ast.Expr) bool {
	star, ok := ast.Unparen(e).(*ast.StarExpr)
	return ok && !g.c.info.Types[star].IsType()
}

// isMapElement reports whether e is m[k] of a map m.
func (g *gen) isMapElement(e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	_, isMap := underlyingOf(g.c.info.TypeOf(ix.X)).(*types.Map)
	return isMap
}

// isBlank reports whether e is the blank identifier.
func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}
