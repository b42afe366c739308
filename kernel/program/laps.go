package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Every loop of a cell checks for an interrupt (see loopCheck): the
// interpreter's own cancellation would break every closure made before it.
// A check in the body costs three of the interpreter's steps per iteration,
// which doubles a tight loop. A counting loop can check between laps of
// 256 iterations instead, at no cost per iteration:
//
//	L: for i := 0; i < n; i++ { body }
//
// becomes
//
//	{ var lim int = -1 << 63
//	  L: for i := 0; ; { for { lap: for ; i < lim; i++ { body }; if !Lap(&lim, i, n) { break L } } } }
//
// The inner loop runs while i is below the lap's end, lim; then Lap checks
// for an interrupt, moves lim 256 iterations on (never past n) and says
// whether i < n. A break of the loop in body becomes break L (a label is
// added if the loop had none), a continue L becomes continue lap. The
// outer loop, which declares i, never goes round: laps are the middle
// loop's, as the interpreter would give each round of the outer loop a
// new i, starting again from 0. This means what the loop did as long as
// nothing but the post statement changes i, and n is a constant or a
// local variable that nothing changes while the loop runs: the rule
// applies only then.

// lapLoop rewrites a counting loop to check for interrupts between laps,
// and reports whether it did.
func (g *gen) lapLoop(fs *ast.ForStmt, label *ast.LabeledStmt, fn *ast.FuncDecl) bool {
	if fs.Init == nil || fs.Cond == nil || fs.Post == nil || escapes(fs.Body, fs.Cond, fs.Post) {
		return false
	}
	vars := g.forVars(fs)
	if len(vars) != 1 {
		return false
	}
	iv, ok := g.c.info.Defs[vars[0]].(*types.Var)
	if !ok || !types.Identical(iv.Type(), types.Typ[types.Int]) {
		return false
	}
	cond, ok := fs.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS || !g.refersTo(cond.X, iv) {
		return false
	}
	post, ok := fs.Post.(*ast.IncDecStmt)
	if !ok || post.Tok != token.INC || !g.refersTo(post.X, iv) {
		return false
	}
	if g.changes(fs.Body, iv) || !g.invariant(cond.Y, fs, fn) {
		return false
	}
	var outer ast.Node = fs
	outerLabel, labelText := "", ""
	if label != nil {
		outer, outerLabel = label, label.Label.Name
	} else {
		outerLabel = g.r.Temp("loop")
		labelText = outerLabel + ": "
	}
	lap := g.r.Temp("lap")
	usesLap := false
	branches, _, _, _ := g.loopBranches(fs.Body, outerLabel)
	for _, b := range branches {
		switch {
		case b.Tok == token.BREAK && b.Label == nil:
			g.r.Replace(b, func() string { return "break " + outerLabel })
		case b.Tok == token.CONTINUE && b.Label != nil:
			usesLap = true
			g.r.Replace(b, func() string { return "continue " + lap })
		}
	}
	lapLabel := ""
	if usesLap {
		lapLabel = lap + ": "
	}
	i, lim := vars[0].Name, g.r.Temp("lim")
	g.r.Before(outer, "{ var "+lim+" int = -1 << 63; "+labelText)
	g.r.ReplaceRange(fs.Cond.Pos(), fs.Body.Lbrace, "; { for { "+lapLabel+"for ; "+i+" < "+lim+"; "+g.r.Text(fs.Post)+" ")
	bound := g.r.Text(cond.Y)
	if tv := g.c.info.Types[cond.Y]; tv.Value != nil {
		if text, ok := g.constLiteral(tv.Value, tv.Type); ok {
			bound = text // len(p) of a nil *[10]int is 10
		}
	}
	g.r.After(outer, "; if !"+HooksName+".Lap(&"+lim+", "+i+", "+bound+") { break "+outerLabel+" } } } }")
	return true
}

// refersTo reports whether e is an identifier naming v.
func (g *gen) refersTo(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && g.c.info.Uses[id] == v
}

// changes reports whether code in n assigns v or takes its address.
func (g *gen) changes(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || g.refersTo(l, v)
			}
		case *ast.IncDecStmt:
			found = found || g.refersTo(x.X, v)
		case *ast.RangeStmt:
			found = found || (x.Key != nil && g.refersTo(x.Key, v)) || (x.Value != nil && g.refersTo(x.Value, v))
		case *ast.UnaryExpr:
			found = found || (x.Op == token.AND && g.refersTo(x.X, v))
		}
		return !found
	})
	return found
}

// invariant reports whether a loop's bound keeps its value while the loop
// runs: a constant, or a local variable of fn that the loop does not
// change and that nothing else can (no function literal of fn uses it, and
// its address is never taken).
func (g *gen) invariant(e ast.Expr, loop *ast.ForStmt, fn *ast.FuncDecl) bool {
	if tv, ok := g.c.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := g.c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || !types.Identical(v.Type(), types.Typ[types.Int]) {
		return false
	}
	if g.changes(loop, v) {
		return false
	}
	shared := false
	ast.Inspect(fn, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.FuncLit:
			ast.Inspect(x.Body, func(k ast.Node) bool {
				shared = shared || g.refersTo(asExpr(k), v)
				return !shared
			})
		case *ast.UnaryExpr:
			shared = shared || (x.Op == token.AND && g.refersTo(x.X, v))
		}
		return !shared
	})
	return !shared
}

func asExpr(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}
