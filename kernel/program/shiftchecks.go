package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// checkShifts checks, before a statement, the counts of its shifts that
// could be negative:
//
//	y := x << n        if n < 0 { __goconc.NegativeShift() }; y := x << n
//
// Go panics with "negative shift amount" when the count of a shift, of a
// signed integer type, is negative; the interpreter shifts by the count
// as an unsigned integer, and 1 << -1 was 0 (Go's
// test/fixedbugs/issue19113.go). The check is an interpreter step, and
// none is written where the count cannot be negative: a constant, an
// unsigned integer, len or cap of something, a mask with a constant >= 0
// (i & 31), a local variable declared with a constant >= 0 and never
// assigned again, the variable of a loop around that counts up from a
// constant >= 0 (the bit loops, 1 << i), plus a constant >= 0.
//
// As for indexes (checkIndexes), the count is read before the statement
// runs, so it is checked only where the statement cannot change it
// first: it reads variables, constants, fields or elements, and the
// statement makes no call or receive but around the shift. A shift under && or
// || or in a function literal may not run at all: it is not checked.
func (g *gen) checkShifts() {
	g.writeBeforeStatements(g.shiftChecks)
}

// shiftChecks returns the checks to write before s, inside the nodes of
// stack.
func (g *gen) shiftChecks(s ast.Stmt, stack []ast.Node) string {
	roots, _ := checkedRoots(s)
	var counts []ast.Expr // as they run
	var effects []ast.Node
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			switch x.Op {
			case token.LAND, token.LOR:
				ast.Inspect(x.X, visit)
				ast.Inspect(x.Y, func(m ast.Node) bool { // (effects only)
					if g.effect(m) {
						effects = append(effects, m)
					}
					_, lit := m.(*ast.FuncLit)
					return !lit
				})
				return false
			case token.SHL, token.SHR:
				ast.Inspect(x.X, visit)
				ast.Inspect(x.Y, visit)
				counts = append(counts, x.Y)
				return false
			}
		}
		if g.effect(n) {
			effects = append(effects, n)
		}
		return true
	}
	for _, r := range roots {
		ast.Inspect(r, visit)
	}
	if as, ok := s.(*ast.AssignStmt); ok && (as.Tok == token.SHL_ASSIGN || as.Tok == token.SHR_ASSIGN) {
		counts = append(counts, as.Rhs[0]) // (it runs last)
	}
	text := ""
	for _, count := range counts {
		if effectBefore(effects, count) || !g.plainRead(count) || !g.mayBeNegative(count, stack) {
			continue
		}
		n := g.r.Text(ast.Unparen(count))
		text += "if " + n + " < 0 { " + HooksName + ".NegativeShift() }; "
	}
	return text
}

// mayBeNegative reports whether shift count e, which reads no call's
// result, may be negative: it is of a signed integer type, not a
// constant, len or cap, nor the variable of a loop counting up from 0.
func (g *gen) mayBeNegative(e ast.Expr, stack []ast.Node) bool {
	tv := g.c.info.Types[e]
	if tv.Value != nil {
		return false
	}
	b, ok := tv.Type.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 || b.Info()&types.IsUnsigned != 0 {
		return false
	}
	if b.Info()&types.IsUntyped != 0 {
		// 1 << (1 << uint(x)): a count that is a shift of an untyped
		// constant is a uint to Go (go/types leaves it untyped); a
		// check of it, which the interpreter typed int, panicked.
		return false
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := g.c.info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return false
			}
		}
	}
	if be, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && be.Op == token.AND {
		// i & 31: a mask >= 0 clears the sign.
		for _, m := range []ast.Expr{be.X, be.Y} {
			if v := g.c.info.Types[m].Value; v != nil && constant.Sign(v) >= 0 {
				return false
			}
		}
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		// shift := 4, never assigned again.
		if v, ok := g.c.info.Uses[id].(*types.Var); ok && v.Parent() != g.c.pkg.Scope() {
			if init := g.onlyValue(v); init != nil {
				if c := g.c.info.Types[init].Value; c != nil && constant.Sign(c) >= 0 {
					return false
				}
			}
		}
	}
	return !g.nonNegative(e, stack)
}
