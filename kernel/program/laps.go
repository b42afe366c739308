package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Every loop of a cell checks for an interrupt (see loopCheck): the
// interpreter's own cancellation would break every closure made before it.
// A check in the body costs two of the interpreter's steps per iteration,
// which slows a tight loop by half. A counting loop can check between laps
// instead, at no cost per iteration:
//
//	L: for i := 0; i < n; i++ { body }
//
// becomes
//
//	{ var lim, state int = -1 << 63, 0
//	  L: for i := 0; ; { laps: for { lap: for ; i < lim; i++ { body }; if !Lap(&lim, &state, i, n) { break laps } }; break } }
//
// The inner loop runs while i is below the lap's end, lim; then Lap checks
// for an interrupt, moves lim a lap on (never past n) and says whether
// i < n. A lap starts at 256 iterations; Lap, which keeps in state when
// the lap started and how long it is, makes laps longer while they take
// under a fifth of a millisecond and shorter when they take more than two,
// so that a tight loop calls it rarely and a slow body is still stopped
// soon. A break in body becomes break laps, a continue L becomes continue
// lap (break L stays). The outer loop, which declares i, never goes
// round: laps are the middle loop's, and the outer one's body ends in a
// break, as the interpreter would run its init statement again at each
// round (i back to 0). This means what the loop did as long as nothing
// but the post statement changes i, and n is a constant or a local
// variable that nothing changes while the loop runs: the rule applies
// only then.

// lapLoop rewrites a counting loop to check for interrupts between laps,
// and reports whether it did.
func (g *gen) lapLoop(fs *ast.ForStmt, label *ast.LabeledStmt, fn *ast.FuncDecl) bool {
	if fs.Init == nil || fs.Cond == nil || fs.Post == nil {
		return false
	}
	vars := g.forVars(fs)
	if len(vars) != 1 || g.keeps(vars, fs.Body, fs.Cond, fs.Post) {
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
	userLabel := ""
	if label != nil {
		outer, userLabel = label, label.Label.Name
	}
	laps, lap := g.r.Temp("laps"), g.r.Temp("lap")
	usesLap := false
	branches, _ := g.loopBranches(fs.Body, userLabel)
	for _, b := range branches {
		if g.inRangeOverFunc(fs.Body, b) {
			// (taken up after the iterator's call as it stands:
			// continue L, which would skip the post statement here)
			return false
		}
	}
	for _, b := range branches {
		switch {
		case b.Tok == token.BREAK && b.Label == nil:
			g.r.Replace(b, func() string { return "break " + laps })
		case b.Tok == token.CONTINUE && b.Label != nil:
			usesLap = true
			g.r.Replace(b, func() string { return "continue " + lap })
		}
	}
	lapLabel := ""
	if usesLap {
		lapLabel = lap + ": "
	}
	i, lim, state := vars[0].Name, g.r.Temp("lim"), g.r.Temp("lapstate")
	g.r.Before(outer, "{ var "+lim+", "+state+" int = -1 << 63, 0; ")
	g.r.ReplaceRange(fs.Cond.Pos(), fs.Body.Lbrace, "; { "+laps+": for { "+lapLabel+"for ; "+i+" < "+lim+"; "+g.r.Text(fs.Post)+" ")
	bound := g.r.Text(cond.Y)
	if tv := g.c.info.Types[cond.Y]; tv.Value != nil {
		if text, ok := g.constLiteral(tv.Value, tv.Type); ok {
			bound = text // len(p) of a nil *[10]int is 10
		}
	}
	g.r.After(outer, "; if !"+HooksName+".Lap(&"+lim+", &"+state+", "+i+", "+bound+") { break "+laps+" } }; break } }")
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
// runs: a constant, or a local variable of fn (or the length of one) that
// nothing can change meanwhile. The loop does not change it, its address
// is never taken, and no function literal changes it. If the loop is in a
// literal and the variable belongs to a function around it (go func() {
// for i := 0; i < n; i++ {...} }()), that function may run beside the
// loop: nothing changes the variable at all.
func (g *gen) invariant(e ast.Expr, loop *ast.ForStmt, fn *ast.FuncDecl) bool {
	if tv, ok := g.c.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	v := g.boundVar(e)
	if v == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	if g.changes(loop, v) {
		return false
	}
	owner := innermostFunc(fn, v.Pos())
	if owner == nil {
		return false
	}
	if innermostFunc(fn, loop.Pos()) != owner {
		return !g.changes(owner, v)
	}
	shared := false
	ast.Inspect(owner, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.FuncLit:
			shared = shared || (x != owner && g.changes(x.Body, v))
		case *ast.UnaryExpr:
			shared = shared || (x.Op == token.AND && g.refersTo(x.X, v))
		}
		return !shared
	})
	return !shared
}

// boundVar returns the variable a loop's bound is made of: n, an int, or
// s in len(s), a slice or a string (whose length changes only when s is
// assigned); else nil.
func (g *gen) boundVar(e ast.Expr) *types.Var {
	wantInt := true
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if b := g.builtinOf(call); b == nil || b.Name() != "len" || len(call.Args) != 1 {
			return nil
		}
		e, wantInt = call.Args[0], false
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := g.c.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if wantInt {
		if !types.Identical(v.Type(), types.Typ[types.Int]) {
			return nil
		}
		return v
	}
	switch u := v.Type().Underlying().(type) {
	case *types.Slice:
		return v
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			return v
		}
	}
	return nil
}

// innermostFunc returns the function (declaration or literal) of fn whose
// signature or body holds pos, or nil.
func innermostFunc(fn *ast.FuncDecl, pos token.Pos) ast.Node {
	var found ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			found = n
		}
		return true
	})
	return found
}

// inRangeOverFunc reports whether n is in the body of a range over a
// function inside body.
func (g *gen) inRangeOverFunc(body *ast.BlockStmt, n ast.Node) bool {
	found := false
	ast.Inspect(body, func(c ast.Node) bool {
		if rs, ok := c.(*ast.RangeStmt); ok && g.overFunc(rs) && rs.Body.Pos() <= n.Pos() && n.End() <= rs.Body.End() {
			found = true
		}
		return !found && c != nil && c.Pos() <= n.Pos() && n.End() <= c.End()
	})
	return found
}
