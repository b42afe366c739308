package program

import (
	"go/types"
	"strconv"
	"strings"
)

// compiledAssertion writes the test of whether x, an any, holds a value
// of a compiled type that implements the notebook's interface typ
// (written to): a declared one, or a literal as in
//
//	te, ok := err.(interface{ Timeout() bool })
//
// which becomes, inside assertion's function literal,
//
//	if hooks.CompiledMethods(x, []string{"Timeout"}, []any{(func() bool)(nil)}) {
//		var c interface{ Timeout() bool } = hooks.Dynamic(x); hooks.Retype(&c)
//		return c, true
//	}
//
// (then writes what follows with c). Yaegi asserted to such an interface
// only the values it boxed itself: *fs.PathError was never a timeout,
// time.Second never a Stringer of the notebook's. The hook compares the
// methods by reflection, their signatures by the types of nil functions;
// Retype makes the box Yaegi converted to the interface a box of the
// value, of its type (the evaluator's compiledas.go). It writes nothing
// for an interface no compiled type can implement: one with an
// unexported method, or a method whose signature names the notebook's
// types.
func (g *gen) compiledAssertion(typ types.Type, to, x string, then func(v string) string) string {
	methods := g.compiledMethods(typ)
	if methods == nil {
		return ""
	}
	var names, sigs []string
	for _, m := range methods {
		sig := m.Type().(*types.Signature)
		text, ok := g.localType(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
		if !ok {
			return ""
		}
		names = append(names, strconv.Quote(m.Name()))
		sigs = append(sigs, "("+text+")(nil)")
	}
	return "if " + HooksName + ".CompiledMethods(" + x + ", []string{" + strings.Join(names, ", ") + "}, []any{" + strings.Join(sigs, ", ") + "}) { " +
		"var __goconc_c " + to + " = " + HooksName + ".Dynamic(" + x + "); " + HooksName + ".Retype(&__goconc_c); " + then("__goconc_c") + " }; "
}

// compiledMethods returns the methods of the notebook's interface typ if
// a compiled type can implement it, or nil.
func (g *gen) compiledMethods(typ types.Type) []*types.Func {
	iface, ok := typ.Underlying().(*types.Interface)
	if !ok || compiledNamed(typ) || iface.NumMethods() == 0 || !iface.IsMethodSet() {
		return nil
	}
	var methods []*types.Func
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if !m.Exported() || g.mentionsNotebook(m.Type(), map[types.Type]bool{}) {
			return nil
		}
		methods = append(methods, m)
	}
	return methods
}

// mentionsNotebook reports whether t is or is made of a type the notebook
// declares (or a type parameter): no compiled method has it in its
// signature.
func (g *gen) mentionsNotebook(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Alias:
		return g.mentionsNotebook(types.Unalias(t), seen)
	case *types.Named:
		if t.Obj().Pkg() == g.c.pkg {
			return true
		}
		args := t.TypeArgs()
		for i := 0; i < args.Len(); i++ {
			if g.mentionsNotebook(args.At(i), seen) {
				return true
			}
		}
		return false
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return g.mentionsNotebook(t.Elem(), seen)
	case *types.Slice:
		return g.mentionsNotebook(t.Elem(), seen)
	case *types.Array:
		return g.mentionsNotebook(t.Elem(), seen)
	case *types.Chan:
		return g.mentionsNotebook(t.Elem(), seen)
	case *types.Map:
		return g.mentionsNotebook(t.Key(), seen) || g.mentionsNotebook(t.Elem(), seen)
	case *types.Signature:
		return g.mentionsNotebook(t.Params(), seen) || g.mentionsNotebook(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if g.mentionsNotebook(t.At(i).Type(), seen) {
				return true
			}
		}
		return false
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if g.mentionsNotebook(t.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if g.mentionsNotebook(t.Method(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return false
}
