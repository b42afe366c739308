package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// convertStructs writes out the conversions Go leaves implicit between a
// struct type the notebook declares and an unnamed struct type of the
// same fields:
//
//	var p Point = struct{ X, Y int }{1, 2}    var p Point = Point(struct{ X, Y int }{1, 2})
//	norm(p)  // norm(v struct{ X, Y int })    norm(struct{ X, Y int }(p))
//
// tagStructs gives a declared struct type's first field a tag of the
// type's name, so that two declared types of the same fields are two
// types to the interpreter; Go assigns a value of an unnamed struct type
// to a named one (and back) only when the fields' tags are the same, and
// Yaegi refused the assignment ("cannot use type struct { X int; Y int}
// as type main.Point in assignment"). An explicit conversion ignores
// tags, in Go and in Yaegi. The rule applies where Go assigns: assignments,
// declarations, arguments, results, sends, composite literals, map
// indexes and comparisons.
func (g *gen) convertStructs() {
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
						g.convertStruct(rhs, g.c.info.TypeOf(x.Lhs[i]))
					}
				}
			case *ast.ValueSpec:
				if x.Type != nil && len(x.Names) == len(x.Values) {
					for _, v := range x.Values {
						g.convertStruct(v, g.c.info.TypeOf(x.Type))
					}
				}
			case *ast.ReturnStmt:
				if sig := funcs[len(funcs)-1]; sig != nil && sig.Results().Len() == len(x.Results) {
					for i, r := range x.Results {
						g.convertStruct(r, sig.Results().At(i).Type())
					}
				}
			case *ast.SendStmt:
				if ct := g.chanType(x.Chan); ct != nil {
					g.convertStruct(x.Value, ct.Elem())
				}
			case *ast.CompositeLit:
				g.convertElements(x)
			case *ast.CallExpr:
				g.convertArgs(x)
			case *ast.IndexExpr:
				if t := g.c.info.TypeOf(x.X); t != nil {
					if m, ok := t.Underlying().(*types.Map); ok {
						g.convertStruct(x.Index, m.Key())
					}
				}
			case *ast.BinaryExpr:
				if x.Op == token.EQL || x.Op == token.NEQ {
					// (the unnamed side to the declared type)
					if t := g.c.info.TypeOf(x.X); t != nil && unnamedStruct(t) {
						g.convertStruct(x.X, g.c.info.TypeOf(x.Y))
					} else {
						g.convertStruct(x.Y, t)
					}
				}
			}
			return true
		}
		ast.Inspect(fd.Body, walk)
	}
}

// convertElements converts the elements, keys and field values of a
// composite literal.
func (g *gen) convertElements(lit *ast.CompositeLit) {
	t := g.c.info.TypeOf(lit)
	if t == nil {
		return
	}
	values := func(elem, key types.Type) {
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if key != nil {
					g.convertStruct(kv.Key, key)
				}
				e = kv.Value
			}
			g.convertStruct(e, elem)
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
					g.convertStruct(kv.Value, f.Type())
				}
			} else if i < u.NumFields() {
				g.convertStruct(e, u.Field(i).Type())
			}
		}
	}
}

// convertArgs converts the arguments of a call of a function or method,
// and of append.
func (g *gen) convertArgs(call *ast.CallExpr) {
	if g.c.info.Types[call.Fun].IsType() {
		return
	}
	if g.isBuiltinNamed(call.Fun, "append") {
		if len(call.Args) > 1 && !call.Ellipsis.IsValid() {
			if s, ok := g.c.info.TypeOf(call.Args[0]).Underlying().(*types.Slice); ok {
				for _, a := range call.Args[1:] {
					g.convertStruct(a, s.Elem())
				}
			}
		}
		return
	}
	sig, ok := g.c.info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	for i, arg := range call.Args {
		if t := paramType(sig, i, call.Ellipsis.IsValid()); t != nil && !(call.Ellipsis.IsValid() && i == len(call.Args)-1) {
			g.convertStruct(arg, t)
		}
	}
}

// convertStruct converts e to the type to if one of e's type and to is a
// struct type the notebook declares, with a field (tagStructs tags it),
// and the other an unnamed struct type of the same fields.
func (g *gen) convertStruct(e ast.Expr, to types.Type) {
	from := g.c.info.TypeOf(e)
	if from == nil || to == nil || types.Identical(from, to) || !types.Identical(from.Underlying(), to.Underlying()) {
		return
	}
	if !(g.taggedStruct(from) && unnamedStruct(to) || unnamedStruct(from) && g.taggedStruct(to)) {
		return
	}
	typ, ok := g.localType(to)
	if !ok {
		return
	}
	g.r.Before(e, "("+typ+")(")
	g.r.After(e, ")")
}

// taggedStruct reports whether t is a struct type with fields that the
// notebook declares, not generic.
func (g *gen) taggedStruct(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 {
		return false
	}
	s, ok := n.Underlying().(*types.Struct)
	return ok && s.NumFields() > 0
}

// unnamedStruct reports whether t is a struct type literal.
func unnamedStruct(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Struct)
	return ok
}
