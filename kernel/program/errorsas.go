package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// findErrors lowers errors.As to a search of the error tree in the cell:
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
//			if v, ok := e.(asker); ok { if v.As(target) { return true } }
//			if w, ok := e.(*wrapped); ok { stack = append(stack, w.Unwrap()); continue }
//			... what compiled errors wrap, from the Unwrapped hook, pushed last first
//		}
//		return false
//	}(err, &ce)
//
// Compiled errors.As sees the interpreter's struct type without its Error
// method and panicked ("errors: *target must be interface or implement
// error"); into a compiled type (*fs.PathError) it did not see the
// notebook's Unwrap and As methods either, so an error the notebook
// wrapped was never found. The search keeps errors.As's order (depth
// first, children in order; at each error its type, then its As method);
// the notebook's types with an Unwrap or As method are called in the
// cell, as compiled code does not see the methods; the Unwrapped and
// AsMethod hooks do it for compiled errors, Unwrapped taking a notebook
// value out of the interpreter's wrapper that gave it to compiled code as
// an error (fmt.Errorf("%w", &notFound{})), which did not match its type.
func (g *gen) findErrors() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 || call.Ellipsis.IsValid() || g.calleeName(call.Fun) != "errors.As" {
			return true
		}
		ptr, ok := g.c.info.TypeOf(call.Args[1]).(*types.Pointer)
		if !ok {
			return true // (go vet's errorsas check; errors.As panics)
		}
		elem, ok := g.localType(ptr.Elem())
		if !ok {
			return true
		}
		g.r.Replace(call, func() string {
			var b strings.Builder
			b.WriteString("func(__goconc_err error, __goconc_target *" + elem + ") bool { ")
			g.errorTree(&b, func() {
				const found = "*__goconc_target = __goconc_v; return true"
				if isInterface(ptr.Elem()) {
					impls, others := g.implementers(ptr.Elem())
					for _, t := range impls {
						b.WriteString(asErrorOf(t, found))
					}
					b.WriteString(g.compiledAssertion(ptr.Elem(), elem, "__goconc_e", func(v string) string {
						return "*__goconc_target = " + v + "; return true"
					}))
					switch {
					case compiledNamed(ptr.Elem()):
						// (Yaegi's type switch missed compiled values.)
						b.WriteString("if __goconc_v, __goconc_ok := __goconc_e.(" + elem + "); __goconc_ok { " + found + " }; ")
					case others:
						b.WriteString("switch __goconc_v := __goconc_e.(type) { case " + elem + ": " + found + " }; ")
					}
				} else if assert, ok := g.boxedAssertion(ptr.Elem(), elem, true); ok && g.knownByBox(ptr.Elem()) {
					// (By the box's name: type ErrCode int and type
					// ErrOther int, type ErrTimeout struct{} and type
					// ErrNotFound struct{}, are one type to reflect.)
					b.WriteString("if __goconc_v, __goconc_ok := " + assert + "(__goconc_e); __goconc_ok { " + found + " }; ")
				} else {
					b.WriteString(asErrorOf(elem, found))
				}
				g.errorMethod(&b, "As", types.Universe.Lookup("any").Type(), "AsMethod")
			})
			b.WriteString("return false }(" + g.r.Source(call.Args[0]) + ", " + g.r.Source(call.Args[1]) + ")")
			return b.String()
		})
		return true
	})
}

// errorTree writes a walk of the tree of errors under __goconc_err, as
// package errors walks it: depth first, the errors an error wraps in
// order. For each error __goconc_e (an any, not nil) it writes visit's
// code, then unwraps: the notebook's types with an Unwrap method in the
// cell (compiled code does not see the method), compiled errors through
// the Unwrapped hook.
func (g *gen) errorTree(b *strings.Builder, visit func()) {
	errType := types.Universe.Lookup("error").Type()
	one, _ := g.implementers(oneMethod("Unwrap", nil, errType))
	many, _ := g.implementers(oneMethod("Unwrap", nil, types.NewSlice(errType)))
	b.WriteString("__goconc_stack := []any{__goconc_err}; for len(__goconc_stack) > 0 { __goconc_e := __goconc_stack[len(__goconc_stack)-1]; __goconc_stack = __goconc_stack[:len(__goconc_stack)-1]; if __goconc_e == nil { continue }; ")
	visit()
	const pushOne = "__goconc_stack = append(__goconc_stack, __goconc_v.Unwrap()); continue"
	const pushMany = "__goconc_c := __goconc_v.Unwrap(); for __goconc_i := len(__goconc_c) - 1; __goconc_i >= 0; __goconc_i-- { __goconc_stack = append(__goconc_stack, __goconc_c[__goconc_i]) }; continue"
	for _, w := range one {
		b.WriteString(asErrorOf(w, pushOne))
	}
	for _, w := range many {
		b.WriteString(asErrorOf(w, pushMany))
	}
	b.WriteString(g.asNamedErrorOf(oneMethod("Unwrap", nil, errType), pushOne))
	b.WriteString(g.asNamedErrorOf(oneMethod("Unwrap", nil, types.NewSlice(errType)), pushMany))
	b.WriteString("__goconc_c := " + HooksName + ".Unwrapped(__goconc_e); for __goconc_i := len(__goconc_c) - 1; __goconc_i >= 0; __goconc_i-- { __goconc_stack = append(__goconc_stack, __goconc_c[__goconc_i]) } }; ")
}

// asErrorOf writes a test of whether the error e (an any) is of type t,
// running then with its value v. The type is also tried through an error:
// the interpreter's wrapper that gives a notebook value to compiled code
// as an error is not of the value's type in an any, but is through an
// error (for a struct, once copyIntoPlace gave the wrapper the value).
func asErrorOf(t, then string) string {
	return "if __goconc_v, __goconc_ok := __goconc_e.(" + t + "); __goconc_ok { " + then + " } else " +
		"if __goconc_ee, __goconc_ok := __goconc_e.(error); __goconc_ok { if __goconc_v, __goconc_ok := __goconc_ee.(" + t + "); __goconc_ok { " + then + " } }; "
}

// asNamedErrorOf writes, for each of the notebook's named types that are
// not structs and implement iface (type Multi []error with an Unwrap
// method), the test of asErrorOf: by the name in the value's box, as an
// assertion in a cell is made (boxedAssertion); the interpreter's own
// assertion takes such a type for its underlying type, and missed it in
// the wrapper that gives it to compiled code as an error, so errors.As
// and errors.Is never looked into a Multi.
func (g *gen) asNamedErrorOf(iface *types.Interface, then string) string {
	var b strings.Builder
	for _, named := range g.notebookImplementers(iface) {
		if _, isStruct := named.Underlying().(*types.Struct); isStruct || !types.Implements(named, iface) {
			continue
		}
		name, ok := g.localType(named)
		if !ok {
			continue
		}
		if assert, ok := g.boxedAssertion(named, name, true); ok {
			b.WriteString("if __goconc_v, __goconc_ok := " + assert + "(__goconc_e); __goconc_ok { " + then + " }; ")
		}
	}
	return b.String()
}

// notebookType reports whether t is a type the notebook declares, or a
// pointer to one.
func (g *gen) notebookType(t types.Type) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	return ok && n.Obj().Pkg() == g.c.pkg
}

// errorMethod writes a call of the method name(arg) bool of the error
// __goconc_e with __goconc_target, returning true when it does: the
// notebook's types' in the cell (compiled code does not see their
// methods), compiled errors' through the hook.
func (g *gen) errorMethod(b *strings.Builder, name string, arg types.Type, hook string) {
	iface := oneMethod(name, arg, types.Typ[types.Bool])
	impls, _ := g.implementers(iface)
	call := "if __goconc_v." + name + "(__goconc_target) { return true }"
	for _, t := range impls {
		b.WriteString(asErrorOf(t, call))
	}
	// (and a named type that is not a struct, type Code int with an Is
	// method: its Is was never called, and errors.Is(Code(404),
	// Code(401)) was false where Code.Is says the class matches)
	b.WriteString(g.asNamedErrorOf(iface, call))
	b.WriteString("if " + HooksName + "." + hook + "(__goconc_e, __goconc_target) { return true }; ")
}

// oneMethod is the interface of the one method name(param) result, with no
// parameter if param is nil.
func oneMethod(name string, param, result types.Type) *types.Interface {
	var params *types.Tuple
	if param != nil {
		params = types.NewTuple(types.NewVar(token.NoPos, nil, "", param))
	}
	sig := types.NewSignatureType(nil, nil, nil, params, types.NewTuple(types.NewVar(token.NoPos, nil, "", result)), false)
	return types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, name, sig)}, nil).Complete()
}
