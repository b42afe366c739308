package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// checkIndexes checks, before a statement, the indexes it uses:
//
//	_ = a[i]        if i < 0 || i >= len(a) { __goconc.IndexOutOfRange(i, len(a)) }; _ = a[i]
//
// The interpreter indexes with reflect, whose panic says neither the index
// nor the length ("index out of range", where Go says "index out of range
// [3] with length 0"), and its frame is gone by the time the panic reaches
// code of ours. A check costs an interpreter step or two per index, so
// none is written where the loop around proves the index in range (for i
// := range a, for i := 0; i < len(a); i++, with a and i left alone), nor
// for a constant index into an array (the compiler checks it).
//
// The check reads the index and the indexed value before the statement
// runs, so it is written only where the statement cannot change them
// first: both are variables, constants, fields, elements or arithmetic on
// them, and nothing in the statement that runs before the index is a call
// or a receive (a call around the index runs after it). An index under
// && or || or in a function literal may not run at all: it is not checked.
func (g *gen) checkIndexes() {
	for _, fd := range g.rewritable() {
		var stack []ast.Node
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			var list []ast.Stmt
			switch b := n.(type) {
			case *ast.BlockStmt:
				list = b.List
			case *ast.CaseClause:
				list = b.Body
			case *ast.CommClause:
				list = b.Body
			default:
				return true
			}
			for _, s := range list {
				if text := g.indexChecks(s, stack); text != "" {
					g.r.Before(s, text)
				}
			}
			return true
		})
	}
}

// indexChecks returns the checks to write before s, inside the nodes of
// stack.
func (g *gen) indexChecks(s ast.Stmt, stack []ast.Node) string {
	var roots []ast.Expr
	switch s := s.(type) {
	case *ast.AssignStmt:
		roots = append(append(roots, s.Lhs...), s.Rhs...)
	case *ast.ExprStmt:
		roots = []ast.Expr{s.X}
	case *ast.IncDecStmt:
		roots = []ast.Expr{s.X}
	case *ast.SendStmt:
		roots = []ast.Expr{s.Chan, s.Value}
	case *ast.ReturnStmt:
		roots = s.Results
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, sp := range gd.Specs {
				roots = append(roots, sp.(*ast.ValueSpec).Values...)
			}
		}
	case *ast.IfStmt:
		if s.Init == nil {
			roots = []ast.Expr{s.Cond}
		}
	case *ast.SwitchStmt:
		if s.Init == nil && s.Tag != nil {
			roots = []ast.Expr{s.Tag}
		}
	}
	var indexes []*ast.IndexExpr
	var effects []ast.Node // calls and receives
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				ast.Inspect(x.X, visit)
				ast.Inspect(x.Y, func(m ast.Node) bool { // (effects only)
					if g.effect(m) {
						effects = append(effects, m)
					}
					_, lit := m.(*ast.FuncLit)
					return !lit
				})
				return false
			}
		case *ast.IndexExpr:
			ast.Inspect(x.X, visit)
			ast.Inspect(x.Index, visit)
			indexes = append(indexes, x)
			return false
		}
		if g.effect(n) {
			effects = append(effects, n)
		}
		return true
	}
	for _, r := range roots {
		ast.Inspect(r, visit)
	}
	var b strings.Builder
	for _, ix := range indexes {
		if !g.indexChecked(ix) || g.inRange(ix, stack) {
			continue
		}
		before := false
		for _, e := range effects {
			before = before || !(e.Pos() <= ix.Pos() && ix.End() <= e.End())
		}
		if before {
			continue
		}
		// No parentheses: an integer's operators all bind more tightly
		// than a comparison, and Yaegi panics on (i) < 0 || ... .
		x, i := g.r.Text(ix.X), g.r.Text(ast.Unparen(ix.Index))
		var cond string
		switch t := g.c.info.TypeOf(ix.Index).Underlying().(*types.Basic); {
		case g.c.info.Types[ix.Index].Value != nil:
			cond = i + " >= len(" + x + ")"
		case t.Kind() == types.Int && g.nonNegative(ix.Index, stack):
			cond = i + " >= len(" + x + ")"
		case t.Kind() == types.Int:
			cond = i + " < 0 || " + i + " >= len(" + x + ")"
		case t.Info()&types.IsUnsigned != 0:
			cond = "uint64(" + i + ") >= uint64(len(" + x + "))"
		default:
			cond = "int64(" + i + ") < 0 || int64(" + i + ") >= int64(len(" + x + "))"
		}
		b.WriteString("if " + cond + " { " + HooksName + ".IndexOutOfRange(" + i + ", len(" + x + ")) }; ")
	}
	return b.String()
}

// effect reports whether n is a call (but a conversion or a builtin that
// changes no variable) or a receive.
func (g *gen) effect(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.UnaryExpr:
		return x.Op == token.ARROW
	case *ast.CallExpr:
		if tv, ok := g.c.info.Types[x.Fun]; ok && tv.IsType() {
			return false
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := g.c.info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "len", "cap", "min", "max", "append", "make", "new", "complex", "real", "imag":
					return false
				}
			}
		}
		return true
	}
	return false
}

// indexChecked reports whether ix indexes a slice, an array or a string
// with an index the compiler does not check, both read without effect.
func (g *gen) indexChecked(ix *ast.IndexExpr) bool {
	t := g.c.info.TypeOf(ix.X)
	if t == nil || !g.plainRead(ix.X) || !g.plainRead(ix.Index) {
		return false
	}
	if it := g.c.info.TypeOf(ix.Index); it == nil || !isInteger(it) {
		return false
	}
	constIndex := g.c.info.Types[ix.Index].Value != nil
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return true
	case *types.Array:
		return !constIndex
	case *types.Pointer:
		_, array := u.Elem().Underlying().(*types.Array)
		return array && !constIndex
	case *types.Basic:
		return u.Info()&types.IsString != 0 && !(constIndex && g.c.info.Types[ix.X].Value != nil)
	}
	return false
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// plainRead reports whether e reads variables, constants, fields and
// elements of slices, arrays and strings (not maps, whose keys a rule
// rewrites), with operators and conversions: reading it twice gives the
// same value and has no effect.
func (g *gen) plainRead(e ast.Expr) bool {
	if tv, ok := g.c.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.Ident:
		_, v := g.c.info.Uses[e].(*types.Var)
		return v
	case *ast.ParenExpr:
		return g.plainRead(e.X)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && g.isPackage(x) {
			_, v := g.c.info.Uses[e.Sel].(*types.Var)
			return v
		}
		sel := g.c.info.Selections[e]
		return sel != nil && sel.Kind() == types.FieldVal && g.plainRead(e.X)
	case *ast.StarExpr:
		return g.plainRead(e.X)
	case *ast.IndexExpr:
		return g.indexChecked(e)
	case *ast.UnaryExpr:
		return (e.Op == token.SUB || e.Op == token.ADD || e.Op == token.XOR) && g.plainRead(e.X)
	case *ast.BinaryExpr:
		return e.Op != token.LAND && e.Op != token.LOR && g.plainRead(e.X) && g.plainRead(e.Y)
	case *ast.CallExpr:
		if tv, ok := g.c.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return isInteger(tv.Type) && g.plainRead(e.Args[0])
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && len(e.Args) == 1 {
			if b, ok := g.c.info.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return g.plainRead(e.Args[0])
			}
		}
	}
	return false
}

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
	v, d, ok := g.offset(ix.Index)
	if !ok {
		return false
	}
	x := types.ExprString(ix.X)
	for k := len(stack) - 1; k >= 0; k-- {
		if _, lit := stack[k].(*ast.FuncLit); lit {
			return false // (it may run after the loop)
		}
		from, over, slack, ok := g.loopOver(stack[k], v)
		if !ok {
			continue
		}
		body := loopBody(stack[k])
		return over != nil && types.ExprString(over) == x && from+d >= 0 && d <= slack &&
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
