package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// Yaegi keeps a value of a named type in an interface in a box that names
// the type only when the type has methods; otherwise the interface holds
// the bare value, whose reflect type is the underlying type. So
//
//	type MyInt int
//	var x any = MyInt(3)
//	switch x.(type) {
//	case int: // taken
//	case MyInt:
//	}
//
// took the int case, %T said int, and a 3 in a []any was a MyInt. Every
// package-level named type of the notebook that is not a struct with
// fields, an interface or a pointer is given a method no program can name:
//
//	func (MyInt) __goconc_boxed() {}
//
// so that its values are boxed, and the assertions and type switches of
// namedassert.go tell a MyInt from an int by the name in the box. (Struct
// types with fields need none: each has a reflect type of its own, see
// tagStructs; a struct type without fields is struct{} to reflect.)

// boxedMethod is the name of the method that makes the interpreter box a
// type's values; boxedPointerMethod makes it box pointers to them, which
// it boxed only when their type had a method of a pointer receiver (the
// methods of the value's type did not count): a *Counter in an any was a
// *int to a type switch, and to %T.
const (
	boxedMethod        = "__goconc_boxed"
	boxedPointerMethod = "__goconc_boxedp"
)

// boxMarkers returns the marker methods of the types gd declares.
func (g *gen) boxMarkers(gd *ast.GenDecl) string {
	var b strings.Builder
	for name, obj := range g.declaredTypes(gd) {
		if obj.Parent() == g.c.pkg.Scope() && g.boxable(obj.Type()) {
			b.WriteString("func (" + name + ") " + boxedMethod + "() {}\n")
			b.WriteString("func (*" + name + ") " + boxedPointerMethod + "() {}\n")
		}
	}
	return b.String()
}

// boxable reports whether t is a named type of the notebook that gets a
// marker method: one that is not a struct with fields, an interface or a
// pointer.
func (g *gen) boxable(t types.Type) bool {
	if !g.unnamedToReflect(t) {
		return false
	}
	_, pointer := t.Underlying().(*types.Pointer)
	return !pointer
}

// boxedType reports whether the interpreter boxes a value of the notebook
// type t in an interface: t has methods, or a marker.
func (g *gen) boxedType(t types.Type) bool {
	return g.boxable(t) || types.NewMethodSet(t).Len() > 0 || types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// boxedValue reports whether a value of type t is one the interpreter
// boxes in an interface, and hands to a hook without its box: of a
// notebook type (not an interface or a pointer) with methods or a marker,
// or a pointer to one that reflect does not name (which has a marker).
func (g *gen) boxedValue(t types.Type) bool {
	if g.unnamedPointer(t) {
		return true
	}
	if isInterface(t) || !g.notebookType(t) {
		return false
	}
	if _, pointer := t.Underlying().(*types.Pointer); pointer {
		return false
	}
	return g.boxedType(t)
}

// hasBoxedTypes reports whether the notebook declares a type (but an
// interface) the interpreter boxes in an interface: one with methods, or
// one that boxMarkers gives one. The rules that compare, key, encode and
// keep boxes have nothing to do otherwise. Computed once per cell: it is
// asked at every comparison.
func (g *gen) hasBoxedTypes() bool {
	if g.boxedTypes == nil {
		has := false
		for _, named := range g.packageTypes() {
			if !isInterface(named) && g.boxedType(named) {
				has = true
				break
			}
		}
		g.boxedTypes = &has
	}
	return *g.boxedTypes
}
