package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// The proofs that spare a loop its index checks (checkIndexes): the loop
// around an index counts a variable up from a constant, below the length
// of what it indexes.

// nonNegative reports whether index e cannot be negative: the variable of
// a loop around it that counts up from a constant >= 0 (loopOver), plus a
// constant >= 0.
func (g *gen) nonNegative(e ast.Expr, stack []ast.Node) bool {
	v, d, ok := g.offset(e)
	if !ok || d < 0 {
		return false
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if from, _, _, ok := g.loopOver(stack[k], v); ok {
			return from >= 0
		}
	}
	return false
}

// inRange reports whether a loop around ix proves its index in range:
//
//	for i := range a { ... a[i] ... }
//	for i := 0; i < len(a); i++ { ... a[i] ... }
//	for j := 0; j < len(a)-1-i; j++ { ... a[j+1] ... }
//
// with i and a changed by nothing in the loop body. A proof that a call
// in the body breaks (it shortens a) costs only the message of the panic
// that follows, not a meaning: the checks themselves are exact.
func (g *gen) inRange(ix *ast.IndexExpr, stack []ast.Node) bool {
	return g.withinLength(ix.Index, ix.X, stack, 0)
}

// boundInRange reports whether the one bound of a slice expression
// s[i:] or s[:i] is proved at least 0 and at most len(s) by a loop
// around it, as inRange proves an index.
func (g *gen) boundInRange(se *ast.SliceExpr, stack []ast.Node) bool {
	switch {
	case se.Low != nil && se.High == nil:
		return g.withinLength(se.Low, se.X, stack, 1)
	case se.High != nil && se.Low == nil:
		return g.withinLength(se.High, se.X, stack, 1)
	}
	return false
}

// withinLength reports whether a loop around e proves 0 <= e <=
// len(x)-1+extra.
func (g *gen) withinLength(e, x ast.Expr, stack []ast.Node, extra int64) bool {
	v, d, ok := g.offset(e)
	if !ok {
		return false
	}
	text := types.ExprString(x)
	for k := len(stack) - 1; k >= 0; k-- {
		if _, lit := stack[k].(*ast.FuncLit); lit {
			return false // (it may run after the loop)
		}
		from, over, slack, ok := g.loopOver(stack[k], v)
		if !ok {
			continue
		}
		body := loopBody(stack[k])
		return over != nil && types.ExprString(over) == text && from+d >= 0 && d <= slack+extra &&
			(g.fixedLength(over) || !g.assignsRoot(body, over))
	}
	return false
}

// offset splits an index into a variable and a constant added to it: i,
// i+1, i-1, 2+i.
func (g *gen) offset(e ast.Expr) (*types.Var, int64, bool) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, ok := g.c.info.Uses[id].(*types.Var)
		return v, 0, ok
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD && b.Op != token.SUB {
		return nil, 0, false
	}
	if c, ok := g.intConst(b.Y); ok {
		if b.Op == token.SUB {
			c = -c
		}
		v, d, ok := g.offset(b.X)
		return v, d + c, ok
	}
	if c, ok := g.intConst(b.X); ok && b.Op == token.ADD {
		v, d, ok := g.offset(b.Y)
		return v, d + c, ok
	}
	return nil, 0, false
}

func (g *gen) intConst(e ast.Expr) (int64, bool) {
	tv, ok := g.c.info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return constant.Int64Val(constant.ToInt(tv.Value))
}

// loopOver reports whether n is a loop whose variable v its body leaves
// alone, counting up from from, and, if v stays below len(over)-slack (a
// range over over: slack 0), over and slack.
func (g *gen) loopOver(n ast.Node, v *types.Var) (from int64, over ast.Expr, slack int64, ok bool) {
	switch l := n.(type) {
	case *ast.RangeStmt:
		key, isIdent := l.Key.(*ast.Ident)
		if !isIdent || l.Tok != token.DEFINE || g.c.info.Defs[key] != v || !g.countsUp(l.X) || g.changes(l.Body, v) {
			return 0, nil, 0, false
		}
		if isInteger(g.c.info.TypeOf(l.X)) {
			return 0, nil, 0, true // for i := range n
		}
		return 0, l.X, 0, true
	case *ast.ForStmt:
		init, isAssign := l.Init.(*ast.AssignStmt)
		if !isAssign || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
			return 0, nil, 0, false
		}
		if key, isIdent := init.Lhs[0].(*ast.Ident); !isIdent || g.c.info.Defs[key] != v {
			return 0, nil, 0, false
		}
		from, isConst := g.intConst(init.Rhs[0])
		post, isIncDec := l.Post.(*ast.IncDecStmt)
		if !isConst || !isIncDec || post.Tok != token.INC || !g.refersTo(post.X, v) || g.changes(l.Body, v) {
			return 0, nil, 0, false
		}
		cond, isBinary := l.Cond.(*ast.BinaryExpr)
		if !isBinary || !g.refersTo(cond.X, v) || cond.Op != token.LSS && cond.Op != token.LEQ {
			return from, nil, 0, true
		}
		over, slack, isLen := g.lengthLess(cond.Y)
		if !isLen {
			return from, nil, 0, true
		}
		if cond.Op == token.LEQ {
			slack--
		}
		return from, over, slack, true
	}
	return 0, nil, 0, false
}

// lengthLess reads a loop bound len(a) - c - i ... (constants and
// variables that cannot be negative taken away): a, and the sum of the
// constants.
func (g *gen) lengthLess(e ast.Expr) (ast.Expr, int64, bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if b, ok := g.c.info.Uses[asIdentOf(call.Fun)].(*types.Builtin); ok && b.Name() == "len" {
			return call.Args[0], 0, true
		}
		return nil, 0, false
	}
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != token.SUB {
		return nil, 0, false
	}
	over, slack, ok := g.lengthLess(b.X)
	if !ok {
		return nil, 0, false
	}
	if c, isConst := g.intConst(b.Y); isConst && c >= 0 {
		return over, slack + c, true
	}
	if v, ok := g.c.info.Uses[asIdentOf(b.Y)].(*types.Var); ok && g.isLoopVar(b.Y, v) {
		return over, slack, true
	}
	return nil, 0, false
}

// isLoopVar reports whether e is the variable of a loop around it that
// counts up from a constant >= 0 and that its body leaves alone.
func (g *gen) isLoopVar(e ast.Expr, v *types.Var) bool {
	for _, n := range g.c.file.Decls {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil || e.Pos() < m.Pos() || e.Pos() >= m.End() {
				return false
			}
			if from, _, _, ok := g.loopOver(m, v); ok && from >= 0 {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// countsUp reports whether the keys of a range over x count up from 0: x
// is a slice, an array (or a pointer to one), a string or an integer.
func (g *gen) countsUp(x ast.Expr) bool {
	switch u := g.c.info.TypeOf(x).Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	case *types.Pointer:
		_, array := u.Elem().Underlying().(*types.Array)
		return array
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	}
	return false
}

// fixedLength reports whether x is an array (or a pointer to one), whose
// length never changes.
func (g *gen) fixedLength(x ast.Expr) bool {
	switch u := g.c.info.TypeOf(x).Underlying().(type) {
	case *types.Array:
		return true
	case *types.Pointer:
		_, array := u.Elem().Underlying().(*types.Array)
		return array
	}
	return false
}

// assignsRoot reports whether body can change the length of x: it assigns
// x or what x is read from (a, for a[i] or a.items[i]; a[k] for a[i][j]),
// or takes its address. Writing an element of x (a[j] = v) leaves it.
func (g *gen) assignsRoot(body *ast.BlockStmt, x ast.Expr) bool {
	v, depth := g.path(x)
	if v == nil {
		return true
	}
	changes := func(l ast.Expr) bool {
		w, d := g.path(l)
		return w == v && d <= depth
	}
	found := false
	ast.Inspect(body, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || changes(l)
			}
		case *ast.IncDecStmt:
			found = found || changes(x.X)
		case *ast.RangeStmt:
			found = found || x.Key != nil && changes(x.Key) || x.Value != nil && changes(x.Value)
		case *ast.UnaryExpr:
			found = found || x.Op == token.AND && changes(x.X)
		}
		return !found
	})
	return found
}

// path returns the variable e is read from and how many selections,
// indexes and indirections lead from it to e: a.items[i] is a, 2.
func (g *gen) path(e ast.Expr) (*types.Var, int) {
	depth := 0
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := g.c.info.Uses[x].(*types.Var)
			return v, depth
		case *ast.SelectorExpr:
			if id, ok := x.X.(*ast.Ident); ok && g.isPackage(id) {
				v, _ := g.c.info.Uses[x.Sel].(*types.Var)
				return v, depth
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil, 0
		}
		depth++
	}
}

// loopBody returns the body of a for or range statement.
func loopBody(n ast.Node) *ast.BlockStmt {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}

func asIdentOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
