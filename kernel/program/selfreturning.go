package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// wrapSelfReturningFuncs runs a function type that holds itself, the state
// functions of a lexer, as a struct holding the function:
//
//	type stateFn func(*lexer) stateFn     type stateFn struct{ __goconc_fn func(*lexer) stateFn }
//	return lexText                        return stateFn{__goconc_fn: lexText}
//	return nil                    becomes return stateFn{}
//	state = state(l)                      state = state.__goconc_fn(l)
//	for state != nil                      for state.__goconc_fn != nil
//
// reflect, which makes the interpreter's types, can make no function type
// that holds itself, but a struct that does: the cell panicked in the
// interpreter ("reflect.Type is nil"). The struct's zero value is the nil
// function; each place Go converts a function to the type (an assignment,
// a result, an argument, an element, a conversion) or calls or compares
// one is written for the struct. Printed, such a value shows the
// function's address in braces, where Go shows the address alone.
func (g *gen) wrapSelfReturningFuncs() {
	funcs := map[*types.Named]bool{}
	g.walk(func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Assign.IsValid() {
			return true
		}
		if named, ok := g.selfReturning(g.c.info.Defs[ts.Name]); ok {
			funcs[named] = true
			g.r.Before(ts.Type, "struct{ "+selfFn+" ")
			g.r.After(ts.Type, " }")
		}
		return true
	})
	if len(funcs) == 0 {
		return
	}
	isF := func(t types.Type) bool {
		n, ok := types.Unalias(t).(*types.Named)
		return ok && funcs[n]
	}
	// Where a value goes to a place of type to.
	into := func(e ast.Expr, to types.Type) {
		from := g.c.info.TypeOf(e)
		switch {
		case to == nil || from == nil:
		case isF(to) && !isF(from):
			name := types.TypeString(to, g.qualifier)
			// Parenthesized: a composite literal in the header of a for,
			// if or switch statement (for l.state = lexText; ...) must be.
			if b, ok := from.(*types.Basic); ok && b.Kind() == types.UntypedNil {
				g.r.Replace(e, func() string { return "(" + name + "{})" })
				return
			}
			g.r.Before(e, "("+name+"{"+selfFn+": ")
			g.r.After(e, "})")
		case isF(from) && !isF(to) && isSignature(to):
			g.r.After(e, "."+selfFn)
		}
	}
	g.assignments(func(e ast.Expr, to types.Type, _ bool) { into(e, to) })
	for _, d := range g.scoped() {
		// A package-level variable's value (var initial stateFn = lexSpace).
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				if vs := spec.(*ast.ValueSpec); vs.Type != nil && len(vs.Names) == len(vs.Values) {
					for _, v := range vs.Values {
						into(v, g.c.info.TypeOf(vs.Type))
					}
				}
			}
		}
	}
	g.walk(func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			tv := g.c.info.Types[x.Fun]
			switch {
			case tv.IsType() && isF(tv.Type) && len(x.Args) == 1:
				// F(lexText): a conversion, which assignments visits.
			case !tv.IsType() && isF(tv.Type):
				g.r.After(x.Fun, "."+selfFn)
			}
		case *ast.BinaryExpr:
			if x.Op != token.EQL && x.Op != token.NEQ {
				return true
			}
			for _, side := range []ast.Expr{x.X, x.Y} {
				if isF(g.c.info.TypeOf(side)) {
					g.r.After(side, "."+selfFn) // (compared with nil: the only comparison of a func)
				}
			}
		}
		return true
	})
}

// selfFn is the field of the struct that holds the function.
const selfFn = "__goconc_fn"

// selfReturning returns obj's type if obj declares a function type that
// holds itself (see refuseSelfHoldingTypes).
func (g *gen) selfReturning(obj types.Object) (*types.Named, bool) {
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return nil, false
	}
	named, ok := tn.Type().(*types.Named)
	if !ok || named.TypeParams().Len() > 0 || !isSignature(named.Underlying()) {
		return nil, false
	}
	return named, holdsItself(named, named.Underlying(), map[types.Type]bool{})
}

// throughFuncCycle reports whether signature t holds one of the notebook's
// struct types that holds itself through a function type:
//
//	type lexer struct{ state state }
//	type state struct{ fn func(*lexer) state }
//
// The interpreter makes the function type of such a field with
// placeholders for the types still being made (func(*unsafe2.dummy)
// unsafe2.dummy), which no function declared as a variable of its full
// type can be assigned to: l.state = state{step} panicked in reflect.Set.
// Such a function is declared as a function (computeSigs), which the
// interpreter gives the field's type; redefining it in a later cell runs
// the notebook again.
func (g *gen) throughFuncCycle(t types.Type) bool {
	seen := map[types.Type]bool{}
	var cycling func(t types.Type) bool
	cycling = func(t types.Type) bool {
		if t == nil || seen[t] {
			return false
		}
		seen[t] = true
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if t.Obj().Pkg() != g.c.pkg {
				return false
			}
			if isStruct(t) && g.cyclesThroughFunc(t) {
				return true
			}
			return cycling(t.Underlying())
		case *types.Signature:
			if t.Recv() != nil && cycling(t.Recv().Type()) {
				return true
			}
		}
		return anyPart(t, func(part types.Type, _ bool) bool { return cycling(part) })
	}
	return cycling(t)
}

// cyclesThroughFunc reports whether struct type s holds itself through a
// function type.
func (g *gen) cyclesThroughFunc(s *types.Named) bool {
	type visit struct {
		t     types.Type
		inFun bool
	}
	seen := map[visit]bool{}
	var reaches func(t types.Type, inFun bool) bool
	reaches = func(t types.Type, inFun bool) bool {
		if t == nil || seen[visit{t, inFun}] {
			return false
		}
		seen[visit{t, inFun}] = true
		if n, ok := types.Unalias(t).(*types.Named); ok {
			if n == s {
				return inFun
			}
			return n.Obj().Pkg() == g.c.pkg && reaches(n.Underlying(), inFun)
		}
		return anyPart(t, func(part types.Type, inSig bool) bool { return reaches(part, inFun || inSig) })
	}
	return reaches(s.Underlying(), false)
}
