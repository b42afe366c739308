package program

import (
	"go/ast"
	"go/types"
)

// refuseSelfHoldingTypes fails the cell at a type that holds itself other
// than through a struct, but a function type (wrapSelfReturningFuncs):
//
//	type Tree map[string]Tree
//	type L []L
//
// The interpreter makes a reflect type for each type, and reflect can
// make no function, map, slice, array, channel or pointer type that holds
// itself (it makes a struct that does with a placeholder pointer): the
// cell panicked in the interpreter, as if with a panic of its own
// ("reflect.Type is nil", "invalid memory address"), or the evaluator died
// of a stack overflow. A struct between runs (type Tree struct{ kids
// map[string]*Tree }).
func (g *gen) refuseSelfHoldingTypes() {
	g.walk(func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Assign.IsValid() {
			return true
		}
		tn, ok := g.c.info.Defs[ts.Name].(*types.TypeName)
		if !ok {
			return true
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			return true
		}
		if _, ok := g.selfReturning(tn); ok {
			return true // a function type: wrapSelfReturningFuncs runs it
		}
		if holdsItself(named, named.Underlying(), map[types.Type]bool{}) {
			// (Go's names: a local type may have moved to the top level,
			// an instance is lowered to a type of its own.)
			name := g.p.names.Demangle(ts.Name.Name)
			under := g.p.names.Demangle(types.TypeString(named.Underlying(), g.qualifier))
			g.cannotRun(ts.Name.Pos(), "type "+name+" holds itself other than through a struct ("+under+
				"): goconc's interpreter cannot make such a type; put a struct between, as in type Tree struct{ kids map[string]*Tree }")
		}
		return true
	})
}

// holdsItself reports whether t, part of self's underlying type, holds
// self other than through a struct or an interface.
func holdsItself(self *types.Named, t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t == self {
			return true
		}
		switch t.Underlying().(type) {
		case *types.Struct, *types.Interface:
			return false
		}
		return t.Obj().Pkg() == self.Obj().Pkg() && holdsItself(self, t.Underlying(), seen)
	case *types.Struct, *types.Interface:
		return false
	}
	return anyPart(t, func(part types.Type, _ bool) bool { return holdsItself(self, part, seen) })
}

// anyPart reports whether f holds for a type t is made of, one step down:
// the element of a pointer, slice, array or channel, a map's key and
// element, a struct's fields, a tuple's variables, a signature's
// parameters and results (inSig). A named type is not looked into.
func anyPart(t types.Type, f func(part types.Type, inSig bool) bool) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return f(t.Elem(), false)
	case *types.Slice:
		return f(t.Elem(), false)
	case *types.Array:
		return f(t.Elem(), false)
	case *types.Chan:
		return f(t.Elem(), false)
	case *types.Map:
		return f(t.Key(), false) || f(t.Elem(), false)
	case *types.Struct:
		for v := range t.Fields() {
			if f(v.Type(), false) {
				return true
			}
		}
	case *types.Tuple:
		for v := range t.Variables() {
			if f(v.Type(), false) {
				return true
			}
		}
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for v := range tuple.Variables() {
				if f(v.Type(), true) {
					return true
				}
			}
		}
	}
	return false
}
