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
	case *types.Pointer:
		return holdsItself(self, t.Elem(), seen)
	case *types.Slice:
		return holdsItself(self, t.Elem(), seen)
	case *types.Array:
		return holdsItself(self, t.Elem(), seen)
	case *types.Chan:
		return holdsItself(self, t.Elem(), seen)
	case *types.Map:
		return holdsItself(self, t.Key(), seen) || holdsItself(self, t.Elem(), seen)
	case *types.Signature:
		for v := range t.Params().Variables() {
			if holdsItself(self, v.Type(), seen) {
				return true
			}
		}
		for v := range t.Results().Variables() {
			if holdsItself(self, v.Type(), seen) {
				return true
			}
		}
	}
	return false
}
