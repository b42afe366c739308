package program

import (
	"go/ast"
	"go/types"
)

// zeroBlankElements writes the zero value for an element of a struct
// literal without keys that a blank field takes:
//
//	struct{ a, _, c int }{1, 2, 3}    becomes    struct{ a, _, c int }{1, 0, 3}
//
// Go evaluates the element and drops it: a blank field is always zero, so
// == ignores it and reflect reads 0 (Go's test/fixedbugs/issue31546.go).
// The interpreter stored it. An element that calls or receives is still
// evaluated, in a function literal returning the zero value, where the
// field's type is one of predeclared types (int, *string, []error) that
// the literal can name wherever it is; where it is not, the element stays
// (the README's list says so).
func (g *gen) zeroBlankElements() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || len(lit.Elts) == 0 {
			return true
		}
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
			return true
		}
		st, ok := coreStruct(g.c.info.TypeOf(lit))
		if !ok || st.NumFields() != len(lit.Elts) {
			return true
		}
		for i, elt := range lit.Elts {
			f := st.Field(i)
			if f.Name() != "_" {
				continue
			}
			zero, ok := zeroText(f.Type())
			switch {
			case !ok:
			case !hasCall(elt):
				g.r.Replace(elt, func() string { return zero })
			case predeclaredOnly(f.Type()):
				typ := types.TypeString(f.Type(), nil)
				g.r.Before(elt, "func() "+typ+" { var _ "+typ+" = ")
				g.r.After(elt, "; return "+zero+" }()")
			}
		}
		return true
	})
}

// coreStruct returns the struct type t is, or is defined as.
func coreStruct(t types.Type) (*types.Struct, bool) {
	if t == nil {
		return nil, false
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// predeclaredOnly reports whether t is made of Go's predeclared types
// alone (int, *string, map[string][]error, any), which a cell can name
// wherever it is.
func predeclaredOnly(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Basic:
		return t.Info()&types.IsUntyped == 0
	case *types.Named:
		return t.Obj().Pkg() == nil && t.Obj().Parent() == types.Universe // error
	case *types.Interface:
		return t.Empty()
	case *types.Pointer:
		return predeclaredOnly(t.Elem())
	case *types.Slice:
		return predeclaredOnly(t.Elem())
	case *types.Array:
		return predeclaredOnly(t.Elem())
	case *types.Chan:
		return predeclaredOnly(t.Elem())
	case *types.Map:
		return predeclaredOnly(t.Key()) && predeclaredOnly(t.Elem())
	}
	return false
}

// zeroText is the zero value of t as an element of a literal, if it has
// one that needs no type's name: 0, "", false or nil.
func zeroText(t types.Type) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return "nil", true
	}
	return "", false
}
