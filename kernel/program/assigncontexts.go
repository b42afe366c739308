package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// An assignment is a place where Go assigns a value to a variable of a
// type it may convert the value to implicitly: assignments and
// declarations, arguments of calls and of append, results, sends,
// elements, keys and field values of composite literals, map indexes, and
// explicit conversions. assignments calls visit with each value e and the
// type to it goes to in the code rewritten; compiled says e is an argument
// of a compiled function.
//
// (Comparisons convert one operand to the other's type too; the rules
// that need them look at them themselves.)
func (g *gen) assignments(visit func(e ast.Expr, to types.Type, compiled bool)) {
	for _, fd := range g.rewritable() {
		sig, _ := g.c.info.Defs[fd.Name].Type().(*types.Signature)
		funcs := []*types.Signature{sig}
		var walk func(n ast.Node) bool
		walk = func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				sig, _ := g.c.info.TypeOf(x).(*types.Signature)
				funcs = append(funcs, sig)
				ast.Inspect(x.Body, walk)
				funcs = funcs[:len(funcs)-1]
				return false
			case *ast.AssignStmt:
				if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
					for i, rhs := range x.Rhs {
						visit(rhs, g.c.info.TypeOf(x.Lhs[i]), false)
					}
				}
			case *ast.ValueSpec:
				if x.Type != nil && len(x.Names) == len(x.Values) {
					for _, v := range x.Values {
						visit(v, g.c.info.TypeOf(x.Type), false)
					}
				}
			case *ast.ReturnStmt:
				if sig := funcs[len(funcs)-1]; sig != nil && sig.Results().Len() == len(x.Results) {
					for i, r := range x.Results {
						visit(r, sig.Results().At(i).Type(), false)
					}
				}
			case *ast.SendStmt:
				if ct := g.chanType(x.Chan); ct != nil {
					visit(x.Value, ct.Elem(), false)
				}
			case *ast.CompositeLit:
				g.elementAssignments(x, visit)
			case *ast.CallExpr:
				g.argumentAssignments(x, visit)
			case *ast.IndexExpr:
				if t := g.c.info.TypeOf(x.X); t != nil {
					if m, ok := t.Underlying().(*types.Map); ok {
						visit(x.Index, m.Key(), false)
					}
				}
			}
			return true
		}
		ast.Inspect(fd.Body, walk)
	}
}

// elementAssignments visits the elements, keys and field values of a
// composite literal.
func (g *gen) elementAssignments(lit *ast.CompositeLit, visit func(e ast.Expr, to types.Type, compiled bool)) {
	t := g.c.info.TypeOf(lit)
	if t == nil {
		return
	}
	values := func(elem, key types.Type) {
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if key != nil {
					visit(kv.Key, key, false)
				}
				e = kv.Value
			}
			visit(e, elem, false)
		}
	}
	switch u := deref(t).Underlying().(type) {
	case *types.Slice:
		values(u.Elem(), nil)
	case *types.Array:
		values(u.Elem(), nil)
	case *types.Map:
		values(u.Elem(), u.Key())
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if f, ok := g.c.info.Uses[kv.Key.(*ast.Ident)].(*types.Var); ok {
					visit(kv.Value, f.Type(), false)
				}
			} else if i < u.NumFields() {
				visit(e, u.Field(i).Type(), false)
			}
		}
	}
}

// argumentAssignments visits the arguments of a call of a function or
// method, of append, and of an explicit conversion.
func (g *gen) argumentAssignments(call *ast.CallExpr, visit func(e ast.Expr, to types.Type, compiled bool)) {
	if tv := g.c.info.Types[call.Fun]; tv.IsType() {
		if len(call.Args) == 1 {
			visit(call.Args[0], tv.Type, false)
		}
		return
	}
	if g.isBuiltinNamed(call.Fun, "append") {
		if len(call.Args) > 1 && !call.Ellipsis.IsValid() {
			if s, ok := g.c.info.TypeOf(call.Args[0]).Underlying().(*types.Slice); ok {
				for _, a := range call.Args[1:] {
					visit(a, s.Elem(), false)
				}
			}
		}
		return
	}
	sig, ok := underlyingOf(g.c.info.TypeOf(call.Fun)).(*types.Signature)
	if !ok {
		return
	}
	compiled := g.compiled(call.Fun)
	for i, arg := range call.Args {
		if t := paramType(sig, i, call.Ellipsis.IsValid()); t != nil && !(call.Ellipsis.IsValid() && i == len(call.Args)-1) {
			visit(arg, t, compiled)
		}
	}
}

// underlyingOf is t's underlying type, nil for nil.
func underlyingOf(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
