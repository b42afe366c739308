package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// findErrors lowers errors.As into a target of the notebook's types (or of
// an interface type literal) to a search of the error tree in the cell:
//
//	errors.As(err, &ce)
//
// becomes
//
//	func(err error, target *codeErr) bool {
//		stack := []any{err}
//		for len(stack) > 0 {
//			e := stack[len(stack)-1]; stack = stack[:len(stack)-1]
//			if e == nil { continue }
//			if v, ok := e.(codeErr); ok { *target = v; return true }
//			if w, ok := e.(*wrapped); ok { stack = append(stack, w.Unwrap()); continue }
//			... what compiled errors wrap, from the Unwrapped hook, pushed last first
//		}
//		return false
//	}(err, &ce)
//
// Compiled errors.As sees the interpreter's struct type without its Error
// method and panicked ("errors: *target must be interface or implement
// error"). The search keeps errors.As's order (depth first, children in
// order); the notebook's types with an Unwrap method are unwrapped in the
// cell, as compiled code does not see the method; the Unwrapped hook takes
// a notebook value out of the interpreter's wrapper that gave it to
// compiled code as an error (fmt.Errorf("%w", &notFound{})), which did not
// match its type. A struct value wrapped so is lost: the wrapper holds its
// last field only. An As method of the notebook's errors is not called.
func (g *gen) findErrors() {
	unwrapOne := types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, "Unwrap",
		types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, nil, "", types.Universe.Lookup("error").Type())), false))}, nil).Complete()
	unwrapMany := types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, "Unwrap",
		types.NewSignatureType(nil, nil, nil, nil, types.NewTuple(types.NewVar(token.NoPos, nil, "", types.NewSlice(types.Universe.Lookup("error").Type()))), false))}, nil).Complete()
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 || call.Ellipsis.IsValid() || g.calleeName(call.Fun) != "errors.As" {
			return true
		}
		ptr, ok := g.c.info.TypeOf(call.Args[1]).(*types.Pointer)
		if !ok || !g.notebookType(ptr.Elem()) && !(isInterface(ptr.Elem()) && !compiledNamed(ptr.Elem())) {
			return true // a compiled type, which compiled errors.As knows
		}
		elem, ok := g.localType(ptr.Elem())
		if !ok {
			return true
		}
		one, _ := g.implementers(unwrapOne)
		many, _ := g.implementers(unwrapMany)
		g.r.Replace(call, func() string {
			var b strings.Builder
			b.WriteString("func(__goconc_err error, __goconc_target *" + elem + ") bool { __goconc_stack := []any{__goconc_err}; for len(__goconc_stack) > 0 { __goconc_e := __goconc_stack[len(__goconc_stack)-1]; __goconc_stack = __goconc_stack[:len(__goconc_stack)-1]; if __goconc_e == nil { continue }; ")
			if isInterface(ptr.Elem()) {
				impls, others := g.implementers(ptr.Elem())
				for _, t := range impls {
					b.WriteString(asErrorOf(t, "*__goconc_target = __goconc_v; return true"))
				}
				if others {
					b.WriteString("switch __goconc_v := __goconc_e.(type) { case " + elem + ": *__goconc_target = __goconc_v; return true }; ")
				}
			} else {
				b.WriteString(asErrorOf(elem, "*__goconc_target = __goconc_v; return true"))
			}
			for _, w := range one {
				b.WriteString(asErrorOf(w, "__goconc_stack = append(__goconc_stack, __goconc_v.Unwrap()); continue"))
			}
			for _, w := range many {
				b.WriteString(asErrorOf(w, "__goconc_c := __goconc_v.Unwrap(); for __goconc_i := len(__goconc_c) - 1; __goconc_i >= 0; __goconc_i-- { __goconc_stack = append(__goconc_stack, __goconc_c[__goconc_i]) }; continue"))
			}
			b.WriteString("__goconc_c := " + HooksName + ".Unwrapped(__goconc_e); for __goconc_i := len(__goconc_c) - 1; __goconc_i >= 0; __goconc_i-- { __goconc_stack = append(__goconc_stack, __goconc_c[__goconc_i]) } }; return false }(")
			b.WriteString(g.r.Source(call.Args[0]) + ", " + g.r.Source(call.Args[1]) + ")")
			return b.String()
		})
		return true
	})
}

// asErrorOf writes a test of whether the error e (an any) is of type t,
// running then with its value v. A pointer type is also tried through an
// error: the interpreter's wrapper that gives a notebook value to compiled
// code as an error is not of the value's type in an any, but is through an
// error. (Through an error, a struct value panicked: "reflect: call of
// reflect.Value.Elem on struct Value".)
func asErrorOf(t, then string) string {
	s := "if __goconc_v, __goconc_ok := __goconc_e.(" + t + "); __goconc_ok { " + then + " }; "
	if strings.HasPrefix(t, "*") {
		s += "if __goconc_ee, __goconc_ok := __goconc_e.(error); __goconc_ok { if __goconc_v, __goconc_ok := __goconc_ee.(" + t + "); __goconc_ok { " + then + " } }; "
	}
	return s
}

// notebookType reports whether t is a type the notebook declares, or a
// pointer to one.
func (g *gen) notebookType(t types.Type) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	return ok && n.Obj().Pkg() == g.c.pkg
}
