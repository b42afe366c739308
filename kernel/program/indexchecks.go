package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// checkIndexes checks, before a statement, the indexes and slice
// expressions it uses:
//
//	_ = a[i]        if i < 0 || i >= len(a) { __goconc.IndexOutOfRange(i, len(a)) }; _ = a[i]
//
// The interpreter indexes and slices with reflect, whose panic says
// neither the index nor the length ("index out of range", where Go says
// "index out of range [3] with length 0"; "slice bounds out of range" for
// "slice bounds out of range [:6] with capacity 5"), and its frame is gone
// by the time the panic reaches code of ours. A check costs an interpreter step or two per index, so
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
	g.writeBeforeStatements(g.indexChecks)
}

// writeBeforeStatements writes before each statement of the functions
// the rewrites work on what check returns for it, given the nodes around
// it (the loops that may prove it needs none).
func (g *gen) writeBeforeStatements(check func(s ast.Stmt, stack []ast.Node) string) {
	for _, fd := range g.rewritable() {
		var stack []ast.Node
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			for _, s := range stmtList(n) {
				if text := check(s, stack); text != "" {
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
	roots, assigned := checkedRoots(s)
	var indexes []ast.Expr               // *ast.IndexExpr and *ast.SliceExpr, as they run
	var effects []ast.Node               // calls and receives
	inPlace := map[*ast.IndexExpr]bool{} // to check where they stand
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
					if ix, ok := m.(*ast.IndexExpr); ok && !g.inRange(ix, stack) {
						inPlace[ix] = true // it may not run
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
		case *ast.SliceExpr:
			for _, part := range []ast.Expr{x.X, x.Low, x.High, x.Max} {
				if part != nil {
					ast.Inspect(part, visit)
				}
			}
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
		if g.phasedPlace(s, ix) {
			continue // checked as it is assigned
		}
		before := effectBefore(effects, ix)
		switch ix := ix.(type) {
		case *ast.IndexExpr:
			if (before || !g.plainRead(ix.X) || !g.plainRead(ix.Index)) && !g.inRange(ix, stack) {
				inPlace[ix] = true
			} else if !before {
				b.WriteString(g.indexCheck(ix, stack))
			}
		case *ast.SliceExpr:
			if !before {
				b.WriteString(g.sliceCheck(ix, stack))
			}
		}
	}
	for _, r := range roots {
		for _, ix := range g.readsForValue(r, assigned[r]) {
			if inPlace[ix] {
				g.checkIndexInPlace(ix)
			}
		}
	}
	return b.String()
}

// phasedPlace reports whether ix is a place of s that tupleAssigns
// assigns in its second phase, where it is checked.
func (g *gen) phasedPlace(s ast.Stmt, ix ast.Expr) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok || !g.phased[as] {
		return false
	}
	for _, l := range as.Lhs {
		if ast.Unparen(l) == ix {
			return true
		}
	}
	return false
}

// checkedRoots returns the expressions of statement s that a check
// written before it can cover, as they run, and which of them are places
// assigned.
func checkedRoots(s ast.Stmt) (roots []ast.Expr, assigned map[ast.Expr]bool) {
	assigned = map[ast.Expr]bool{}
	switch s := s.(type) {
	case *ast.AssignStmt:
		roots = append(append(roots, s.Lhs...), s.Rhs...)
		for _, l := range s.Lhs {
			assigned[l] = true
		}
	case *ast.ExprStmt:
		roots = []ast.Expr{s.X}
	case *ast.IncDecStmt:
		roots = []ast.Expr{s.X}
		assigned[s.X] = true
	case *ast.SendStmt:
		roots = []ast.Expr{s.Chan, s.Value}
	case *ast.ReturnStmt:
		roots = s.Results
	case *ast.DeclStmt:
		// Only the first spec's values: the others can name the
		// variables declared before them, which a check before the
		// statement cannot (var ( a = ...; b = a[i] )).
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR && len(gd.Specs) > 0 {
			roots = gd.Specs[0].(*ast.ValueSpec).Values
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
	return roots, assigned
}

// indexCheck returns the check of index ix, or "" if it needs none.
func (g *gen) indexCheck(ix *ast.IndexExpr, stack []ast.Node) string {
	if !g.indexChecked(ix) || g.inRange(ix, stack) {
		return ""
	}
	// No parentheses: an integer's operators all bind more tightly than a
	// comparison, and Yaegi panics on (i) < 0 || ... .
	x, i := g.r.Text(ix.X), g.r.Text(ast.Unparen(ix.Index))
	nonNegative := g.c.info.Types[ix.Index].Value != nil || g.nonNegative(ix.Index, stack)
	return g.boundsCheck(x, i, g.c.info.TypeOf(ix.Index), nonNegative)
}

// boundsCheck returns the check of index i, of type t, into x, written as
// Go source; nonNegative says i is known to be at least 0.
func (g *gen) boundsCheck(x, i string, t types.Type, nonNegative bool) string {
	var cond string
	switch t := t.Underlying().(*types.Basic); {
	case nonNegative && (t.Kind() == types.Int || t.Kind() == types.UntypedInt):
		cond = i + " >= len(" + x + ")"
	case t.Kind() == types.Int:
		cond = i + " < 0 || " + i + " >= len(" + x + ")"
	case t.Info()&types.IsUnsigned != 0:
		cond = "uint64(" + i + ") >= uint64(len(" + x + "))"
	default:
		cond = "int64(" + i + ") < 0 || int64(" + i + ") >= int64(len(" + x + "))"
	}
	return "if " + cond + " { " + HooksName + ".IndexOutOfRange(" + i + ", len(" + x + ")) }; "
}

// sliceCheck returns the check of slice expression se, or "" if it needs
// none: each bound at least 0, the last at most the capacity (a string's
// or an array's length), each at most the next.
//
//	s[lo:hi]    if hi < 0 || hi > cap(s) || lo < 0 || lo > hi { __goconc.SliceOutOfRange(lo, hi, cap(s), true) }
func (g *gen) sliceCheck(se *ast.SliceExpr, stack []ast.Node) string {
	t := g.c.info.TypeOf(se.X)
	if t == nil || !g.plainRead(se.X) || se.Low == nil && se.High == nil && se.Max == nil {
		return ""
	}
	capacity := false
	switch u := t.Underlying().(type) {
	case *types.Slice:
		capacity = true
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return ""
		}
	case *types.Array:
	case *types.Pointer:
		if _, array := u.Elem().Underlying().(*types.Array); !array {
			return ""
		}
	default:
		return ""
	}
	allConst, allInt := true, true
	for _, e := range []ast.Expr{se.Low, se.High, se.Max} {
		if e == nil {
			continue
		}
		if !g.plainRead(e) {
			return ""
		}
		tv := g.c.info.Types[e]
		allConst = allConst && tv.Value != nil
		// (A constant of type int8 is no int: ci8 > cap(s) mismatched
		// types, Go's test/index0.go.)
		allInt = allInt && (tv.Value != nil && isUntyped(tv.Type) || types.Identical(tv.Type, types.Typ[types.Int]))
	}
	if allConst && !capacity && g.c.info.Types[se.X].Value == nil && !isStringType(t) {
		return "" // (an array's constant bounds: the compiler's)
	}
	if se.Max == nil && g.boundInRange(se, stack) {
		return ""
	}
	x := g.r.Text(se.X)
	text := func(e ast.Expr, or string) string {
		if e == nil {
			return or
		}
		if allInt {
			return g.r.Text(ast.Unparen(e))
		}
		return "int64(" + g.r.Text(ast.Unparen(e)) + ")"
	}
	limit := "len(" + x + ")"
	if capacity {
		limit = "cap(" + x + ")"
	}
	lim := limit
	if !allInt {
		lim = "int64(" + limit + ")"
	}
	lo, hi := text(se.Low, "0"), text(se.High, "len("+x+")")
	if se.High == nil && !allInt {
		hi = "int64(len(" + x + "))"
	}
	// Each bound given is checked against 0 (unless a constant) and the
	// one after it; the last against the limit.
	var cond []string
	check := func(e ast.Expr, text, next string) {
		if e == nil {
			return
		}
		if g.c.info.Types[e].Value == nil {
			cond = append(cond, text+" < 0")
		}
		cond = append(cond, text+" > "+next)
	}
	flag := "false"
	if capacity {
		flag = "true"
	}
	// The hook is handed the bounds as they are, not as int64: the
	// message says s[:18446744073709551615] of a uint64 bound, as Go's.
	arg := func(e ast.Expr, or string) string {
		if e == nil {
			return or
		}
		return g.r.Text(ast.Unparen(e))
	}
	loArg, hiArg := arg(se.Low, "0"), arg(se.High, "len("+x+")")
	if se.Max == nil {
		check(se.High, hi, lim)
		check(se.Low, lo, hi)
		return "if " + strings.Join(cond, " || ") + " { " + HooksName + ".SliceOutOfRange(" + loArg + ", " + hiArg + ", " + limit + ", " + flag + ") }; "
	}
	max := text(se.Max, lim)
	check(se.Max, max, lim)
	check(se.High, hi, max)
	check(se.Low, lo, hi)
	return "if " + strings.Join(cond, " || ") + " { " + HooksName + ".Slice3OutOfRange(" + loArg + ", " + hiArg + ", " + arg(se.Max, limit) + ", " + limit + ", " + flag + ") }; "
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// effectBefore reports whether one of a statement's effects (calls and
// receives, effect) may run before e is read: any that does not enclose
// it, since Go calls the functions of an expression before it reads its
// variables. A check written before the statement could then read
// another value than e's.
func effectBefore(effects []ast.Node, e ast.Expr) bool {
	for _, x := range effects {
		if !(x.Pos() <= e.Pos() && e.End() <= x.End()) {
			return true
		}
	}
	return false
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
	return g.plainRead(ix.X) && g.plainRead(ix.Index) && g.indexedAtRun(ix)
}

// indexedAtRun reports whether ix indexes a slice, an array or a string by
// position, with an integer index the compiler does not check.
func (g *gen) indexedAtRun(ix *ast.IndexExpr) bool {
	t := g.c.info.TypeOf(ix.X)
	if t == nil {
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
