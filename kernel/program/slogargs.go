package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// slogArgs hands log/slog the notebook's values as Go's slog sees them:
//
//	logger.Info("login", "user", u)
//
// becomes
//
//	logger.Info("login", "user", func(__goconc_v User) any { return __goconc.SlogValue(__goconc.Fields(__goconc_v, ...), __goconc.PlainJSON(__goconc_v, ...), func() slog.Value { return __goconc_v.LogValue() }) }(u))
//
// slog formats a value with %+v (its text handler), encodes it with json
// (its JSON handler), and first resolves a slog.LogValuer; handed the
// interpreter's value, its text handler wrote the interpreter's field
// names (user="{ID:1 Xtoken:secret}"), no String method's text (level=1
// for level=high), and neither handler called LogValue. The hook
// (kernel/fieldnames' SlogValue) formats the value as the cell's fmt
// does, encodes it as the cell's json does, and resolves LogValue
// through the method. Each argument in an any of slog's functions and
// methods of a type of the notebook's, not an interface, goes through it.
func (g *gen) slogArgs() {
	g.calls(func(call *ast.CallExpr, _ string) {
		pkg := g.calleePackage(call.Fun)
		if pkg == nil || pkg.Path() != "log/slog" {
			return
		}
		sig, ok := g.c.info.TypeOf(call.Fun).(*types.Signature)
		if !ok {
			return
		}
		valuer, _ := pkg.Scope().Lookup("LogValuer").Type().Underlying().(*types.Interface)
		for i, arg := range call.Args {
			if pt := paramType(sig, i, call.Ellipsis.IsValid()); pt == nil || !isEmptyInterface(pt) {
				continue
			}
			t := g.c.info.TypeOf(arg)
			if t == nil || isInterface(t) || !g.mentionsNotebook(t, map[types.Type]bool{}) {
				continue
			}
			g.slogArg(arg, t, pkg, valuer)
		}
	})
}

// slogArg wraps arg, of type t, for slog (slogArgs).
func (g *gen) slogArg(arg ast.Expr, t types.Type, slog *types.Package, valuer *types.Interface) {
	typ, ok := g.localType(t)
	if !ok {
		return
	}
	v := "__goconc_v"
	text := v
	if tail, ok := g.fieldsTail(t, fmtUse{}); ok {
		text = HooksName + ".Fields(" + v + tail + ")"
	} else if hook := fmtInterfaceHook(t); hook != "" {
		text = HooksName + "." + hook + "(" + v + ")"
	}
	plain := v
	if shape := g.codecShape(t); shape != "-" {
		plain = HooksName + ".PlainJSON(" + v + ", " + strconv.Quote(shape) + ")"
	}
	logValue := "nil"
	if valuer != nil && types.Implements(t, valuer) {
		value, ok := g.localType(slog.Scope().Lookup("Value").Type())
		if !ok {
			return
		}
		logValue = "func() " + value + " { return " + v + ".LogValue() }"
	}
	g.r.Before(arg, "func("+v+" "+typ+") any { return "+HooksName+".SlogValue("+text+", "+plain+", "+logValue+") }(")
	g.r.After(arg, ")")
}

// fmtInterfaceHook returns the hook that hands fmt a value of type t as
// the interface fmt calls it through (Formatter, error, Stringer, in
// fmt's order), or "".
func fmtInterfaceHook(t types.Type) string {
	ms := types.NewMethodSet(t)
	for _, m := range []struct{ name, hook string }{{"Format", "AsFormatter"}, {"Error", "AsError"}, {"String", "AsStringer"}} {
		if sel := ms.Lookup(nil, m.name); sel != nil && fmtSignature(m.name, sel.Obj().Type().(*types.Signature)) {
			return m.hook
		}
	}
	return ""
}

// calleePackage returns the package of the function or method fun
// calls, or nil.
func (g *gen) calleePackage(fun ast.Expr) *types.Package {
	var id *ast.Ident
	switch f := ast.Unparen(fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return nil
	}
	if fn, ok := g.c.info.Uses[id].(*types.Func); ok {
		return fn.Pkg()
	}
	return nil
}
