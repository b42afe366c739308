package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// keepMethods converts a call's or a receive's result of a notebook type,
// or an element of a slice, to that type where it is passed to compiled
// code as an interface:
//
//	fmt.Println(newPoint(1, 2))
//
// becomes
//
//	fmt.Println(point(newPoint(1, 2)))
//
// Yaegi hands compiled code the bare value of a call's result, without the
// methods of its type, so fmt printed {1 2} where Go calls String. A
// variable or a conversion carries the methods; the value is the same.
func (g *gen) keepMethods() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		toInterface := func(i int) bool { return false }
		if tv := g.c.info.Types[call.Fun]; tv.IsType() {
			// any(newPoint(1, 2))
			toInterface = func(int) bool { return isInterface(tv.Type) }
		} else if sig, ok := g.c.info.TypeOf(call.Fun).(*types.Signature); ok && g.compiled(call.Fun) {
			toInterface = func(i int) bool { return isInterface(paramType(sig, i, call.Ellipsis.IsValid())) }
		}
		for i, arg := range call.Args {
			if !toInterface(i) || g.fieldArgs[arg] {
				continue // (fieldNames' hook takes the value as it is)
			}
			switch a := ast.Unparen(arg).(type) {
			case *ast.CallExpr:
				if tv := g.c.info.Types[a.Fun]; tv.IsType() {
					continue // already a conversion
				}
			case *ast.UnaryExpr:
				if a.Op != token.ARROW {
					continue
				}
			case *ast.IndexExpr:
				// toks()[0], []Token{...}[0], m[k][0]: an element the
				// index check reads in a function of its own (see
				// indexchecks.go), whose result the call gets.
				if !g.c.info.Types[a].IsValue() {
					continue
				}
			default:
				continue
			}
			t := g.c.info.TypeOf(arg)
			named, ok := types.Unalias(deref(t)).(*types.Named)
			if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "main" || isInterface(named) || types.NewMethodSet(t).Len() == 0 {
				continue
			}
			g.convertTo(arg, t)
		}
		return true
	})
}

// compiled reports whether fun is a function of a compiled package.
func (g *gen) compiled(fun ast.Expr) bool {
	obj := g.callee(fun)
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() != "main"
}

// callee returns what the function expression fun of a call names (f,
// pkg.F, x.M), or nil.
func (g *gen) callee(fun ast.Expr) types.Object {
	switch f := ast.Unparen(fun).(type) {
	case *ast.SelectorExpr:
		return g.c.info.Uses[f.Sel]
	case *ast.Ident:
		return g.c.info.Uses[f]
	}
	return nil
}

func paramType(sig *types.Signature, i int, ellipsis bool) types.Type {
	n := sig.Params().Len()
	if n == 0 {
		return nil
	}
	if sig.Variadic() && i >= n-1 {
		last := sig.Params().At(n - 1).Type()
		if ellipsis {
			return last
		}
		return last.(*types.Slice).Elem()
	}
	if i >= n {
		return nil
	}
	return sig.Params().At(i).Type()
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Interface)
	return ok
}

// parenthesize puts e in parentheses, where the interpreter takes it for a
// value like any other.
func (g *gen) parenthesize(e ast.Expr) {
	g.r.Before(e, "(")
	g.r.After(e, ")")
}

// convertTo writes the conversion of e to the type t, (t)(e), if t can be
// spelled in the cell.
func (g *gen) convertTo(e ast.Expr, t types.Type) {
	if typ, ok := g.localType(t); ok {
		g.r.Before(e, "("+typ+")(")
		g.r.After(e, ")")
	}
}
