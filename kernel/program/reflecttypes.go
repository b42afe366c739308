package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// reflectNamedTypes gives reflect a view of the notebook's named types
// that are not structs, which to reflect are their underlying types:
//
//	reflect.TypeOf(x)        becomes    __goconc.NamedType(reflect.TypeOf(x), "main.MyInt")
//	reflect.TypeFor[MyInt]() becomes    __goconc.NamedType(reflect.TypeFor[MyInt](), "main.MyInt")
//	reflect.New(t)           becomes    reflect.New(__goconc.RawType(t))
//	reflect.PointerTo(t)     becomes    __goconc.PointerTo(t)
//	t.AssignableTo(u)        becomes    __goconc.TypeAssignableTo(t, u)
//
// for an operand x of type MyInt or *MyInt (ReflectTypeOf names the type
// of a value in an interface by its box). The view (kernel/namedtypes)
// answers Name, String and PkgPath as Go's type would (main.MyInt, not
// int), lists the type's methods, registered by registerMethod, and is
// one value per type, so that it compares as reflect's types do; reflect's
// own functions get the underlying type, which the interpreter's values
// have. reflect.ValueOf(x) becomes __goconc.NamedValue(x, "main.MyInt"),
// a Value whose Type (v.Type() becomes __goconc.ValueType(v), see
// reflectMethods) is the view.
func (g *gen) reflectNamedTypes() {
	g.calls(func(call *ast.CallExpr, name string) {
		if m := g.reflectTypeMethod(call.Fun); m != "" {
			name = "(reflect.Type)." + m
		}
		switch name {
		case "reflect.TypeOf":
			if len(call.Args) == 1 {
				g.nameReflectType(call, g.c.info.TypeOf(call.Args[0]))
			}
			return
		case "reflect.ValueOf":
			// Its Type is the named type's view (kernel/namedvalues).
			if len(call.Args) == 1 {
				if t := g.c.info.TypeOf(call.Args[0]); t != nil && !isInterface(t) && g.mentionsNamed(t, 0) {
					g.r.Replace(call.Fun, func() string { return HooksName + ".NamedValue" })
					g.r.After(call.Args[0], ", "+strconv.Quote(g.goName(t)))
				}
			}
			return
		case "reflect.TypeFor":
			if ix, ok := ast.Unparen(call.Fun).(*ast.IndexExpr); ok {
				g.nameReflectType(call, g.c.info.TypeOf(ix.Index))
			}
			return
		case "reflect.PointerTo", "reflect.PtrTo":
			if len(call.Args) == 1 {
				g.r.Replace(call.Fun, func() string { return HooksName + ".PointerTo" })
			}
			return
		case "(reflect.Type).AssignableTo", "(reflect.Type).ConvertibleTo":
			g.methodCallAsHook(call, "Type"+name[len("(reflect.Type)."):])
			return
		}
		if !g.reflectCall(call.Fun) {
			return
		}
		// reflect's own functions and Value's methods take the
		// underlying type.
		sig, ok := g.c.info.TypeOf(call.Fun).(*types.Signature)
		if !ok {
			return
		}
		for i, arg := range call.Args {
			if i >= sig.Params().Len() {
				break
			}
			switch pt := sig.Params().At(i).Type(); {
			case isReflectType(pt):
				g.r.Before(arg, HooksName+".RawType(")
				g.r.After(arg, ")")
			case isReflectTypeSlice(pt):
				g.r.Before(arg, HooksName+".RawTypes(")
				g.r.After(arg, ")")
			}
		}
	})
}

// nameReflectType passes call, a reflect.Type of a value of type t, to
// NamedType if t is one of the notebook's named types that are not
// structs, or a pointer, a slice, an array, a map or a channel of them.
func (g *gen) nameReflectType(call *ast.CallExpr, t types.Type) {
	if t == nil || isInterface(t) || !g.mentionsNamed(t, 0) {
		return
	}
	g.r.Before(call, HooksName+".NamedType(")
	g.r.After(call, ", "+strconv.Quote(g.goName(t))+")")
}

// mentionsNamed reports whether t is, or is made of, one of the
// notebook's named types that reflect sees as others (namedMethodSet).
func (g *gen) mentionsNamed(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		return g.namedMethodSet(u)
	case *types.Pointer:
		return g.mentionsNamed(u.Elem(), depth+1)
	case *types.Slice:
		return g.mentionsNamed(u.Elem(), depth+1)
	case *types.Array:
		return g.mentionsNamed(u.Elem(), depth+1)
	case *types.Chan:
		return g.mentionsNamed(u.Elem(), depth+1)
	case *types.Map:
		return g.mentionsNamed(u.Key(), depth+1) || g.mentionsNamed(u.Elem(), depth+1)
	}
	return false
}

// namedMethodSet reports whether n is a named type of the notebook's
// whose values reflect sees as of another type's, which others share: not
// an interface, not a struct with fields (a struct type of its own to
// reflect, hasMethodSet), not generic.
func (g *gen) namedMethodSet(n *types.Named) bool {
	if n.Obj().Pkg() != g.c.pkg || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 || isInterface(n) {
		return false
	}
	if s, ok := n.Underlying().(*types.Struct); ok && s.NumFields() > 0 {
		return false
	}
	return n.Obj().Parent() == g.c.pkg.Scope()
}

// reflectCall reports whether fun is a function of package reflect or a
// method of reflect.Value.
func (g *gen) reflectCall(fun ast.Expr) bool {
	if g.reflectValueMethod(fun) != "" {
		return true
	}
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	f, ok := g.c.info.Uses[sel.Sel].(*types.Func)
	return ok && f.Pkg() != nil && f.Pkg().Path() == "reflect" && f.Signature().Recv() == nil
}

// isReflectTypeSlice reports whether t is []reflect.Type.
func isReflectTypeSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && isReflectType(s.Elem())
}
