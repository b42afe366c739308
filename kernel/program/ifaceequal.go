package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// compareInterfaces compares a compiled interface (error) with a value
// that may be the notebook's, and interfaces that may hold the
// interpreter's boxes (mayHoldBox), through a hook:
//
//	err == ErrTooBig    becomes    __goconc.Equal(err, ErrTooBig)
//
// Yaegi gives compiled interfaces the notebook's values in a wrapper that
// holds a func, which Go cannot compare: comparing two such errors
// panicked ("comparing uncomparable type interp._error"), and an error
// holding a struct value was not equal to that value. The hook compares
// the values in the wrappers, with Go's rules: equal dynamic types and
// values, a panic for a type that is not comparable. So are the
// notebook's interfaces (interpretedInterface). Comparisons with nil
// and with a compiled package's variable (io.EOF: never a wrapper, so the
// types differ whenever one side is) stay as they are.
func (g *gen) compareInterfaces() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
			return true
		}
		if !g.hookCompares(be.X, be.Y) {
			return true
		}
		not := ""
		if be.Op == token.NEQ {
			not = "!"
		}
		g.r.Replace(be, func() string {
			return not + g.hookEqual(be.X, be.Y, g.r.Source(be.X), g.r.Source(be.Y))
		})
		return true
	})
}

// hookCompares reports whether x == y compares through the hook.
func (g *gen) hookCompares(x, y ast.Expr) bool {
	xtv, ytv := g.c.info.Types[x], g.c.info.Types[y]
	if xtv.Type == nil || ytv.Type == nil || xtv.IsNil() || ytv.IsNil() || g.compiledVariable(x) || g.compiledVariable(y) {
		return false
	}
	xt, yt := xtv.Type, ytv.Type
	return g.mayHoldWrapper(xt, yt) || g.mayHoldWrapper(yt, xt) || g.mayHoldBox(xt, yt) || g.holdBoxes(xt, yt) ||
		interpretedInterface(xt) || interpretedInterface(yt)
}

// hookEqual writes x == y through the hook, the operands written xsrc and
// ysrc.
func (g *gen) hookEqual(x, y ast.Expr, xsrc, ysrc string) string {
	xt, yt := g.c.info.TypeOf(x), g.c.info.TypeOf(y)
	// A value of a boxed type against an interface: the box's name
	// must be the value's type. (Two values of one type, ID a
	// [2]any, compare their elements: they were unequal.)
	bx, by := g.inBox(xsrc, xt), g.inBox(ysrc, yt)
	if name, ok := g.boxedName(y); ok && isInterface(xt) {
		return HooksName + ".EqualNamed(" + bx + ", " + ysrc + ", " + name + g.boxlessImplementers(xt) + ")"
	}
	if name, ok := g.boxedName(x); ok && isInterface(yt) {
		return HooksName + ".EqualNamed(" + by + ", " + xsrc + ", " + name + g.boxlessImplementers(yt) + ")"
	}
	if !g.boxingInterface(xt) || !g.boxingInterface(yt) {
		// (A value of a concrete type, or of another interface,
		// goes to the hook out of its box: so must the other.)
		bx, by = xsrc, ysrc
	}
	return HooksName + ".Equal(" + bx + ", " + by + ")"
}

// inBox returns src, an operand of type t for a hook taking an any,
// converted to an any if t is one of the notebook's interfaces with
// methods, or an interface type literal with methods (case interface{
// Error() string }:, whose Code printed as 404 for code 404): the
// interpreter hands a hook such an interface's value without
// the box that names its type (a Dog int as an int; a Dog struct{} as a
// struct{}, which every struct type without fields is to reflect), but an
// any converted from it holds the box. (Not the result of a call: the
// interpreter hands a hook a call's results out of their boxes.)
func (g *gen) inBox(src string, t types.Type) string {
	if !g.boxes(t) {
		return src
	}
	return "any(" + src + ")"
}

// boxes reports whether inBox converts an operand of type t.
func (g *gen) boxes(t types.Type) bool {
	return (g.boxingInterface(t) || methodLiteral(t)) && g.hasBoxedTypes()
}

// boxOperand writes inBox's conversion around the operand e, of type t,
// if it needs one: inside what was written around e before.
func (g *gen) boxOperand(e ast.Expr, t types.Type) {
	if g.boxes(t) {
		g.r.Before(e, "any(")
		g.r.After(e, ")")
	}
}

// interpretedInterface reports whether t is an interface with methods that
// the notebook declares or writes as a literal. Yaegi keeps a value in
// one in its box (a valueInterface), and compares two boxes as structs:
// where each was converted (its node) and the value's reflect.Value. A
// box of time.Second was not equal to another, nor to time.Second.
func interpretedInterface(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	return ok && !compiledNamed(t) && iface.NumMethods() > 0
}

// mayHoldWrapper reports whether a compiled interface of type t, compared
// with a value of type other, may hold the interpreter's wrapper of a
// notebook value that other holds too: t is a compiled interface with
// methods, other an interface or a notebook type.
func (g *gen) mayHoldWrapper(t, other types.Type) bool {
	if !compiledNamed(t) || !isInterface(t) || t.Underlying().(*types.Interface).NumMethods() == 0 {
		return false
	}
	return isInterface(other) || g.notebookType(other)
}

// mayHoldBox reports whether comparing values of types t and other may
// compare the interpreter's boxes (see boxMarkers): both are interfaces,
// or one is and the other is a notebook type, in a notebook with types
// whose values are boxed. Two boxes of equal values are not equal to Go's
// ==, which compares where the values are stored (so MyInt(1) in an any
// was not equal to MyInt(1) in another), and a box of MyInt(1) is not
// equal to an int 1, which Yaegi's == found equal before every such type
// was boxed.
func (g *gen) mayHoldBox(t, other types.Type) bool {
	if !isInterface(t) && !isInterface(other) {
		return false
	}
	if !(isInterface(t) || g.notebookType(t)) || !(isInterface(other) || g.notebookType(other)) {
		return false
	}
	return g.hasBoxedTypes()
}

// holdBoxes reports whether t and other are a struct or array type whose
// fields or elements == compares include interfaces (holdsComparedInterface),
// in a notebook with types whose values are boxed: Go compares the values
// in them, Yaegi the boxes.
func (g *gen) holdBoxes(t, other types.Type) bool {
	if isInterface(t) || isInterface(other) || !holdsComparedInterface(t) || !holdsComparedInterface(other) {
		return false
	}
	return g.hasBoxedTypes()
}

// boxedName returns the quoted Go name of e's type if e is a value of a
// notebook type the interpreter boxes in an interface (and, given to a
// hook, passes without its box): the EqualNamed hook compares it with the
// name in the other operand's box.
func (g *gen) boxedName(e ast.Expr) (string, bool) {
	t := g.c.info.TypeOf(e)
	if t == nil || !g.boxedValue(t) {
		return "", false
	}
	return strconv.Quote(g.boxName(t)), true
}

// compiledVariable reports whether e names a compiled package's variable
// (io.EOF).
func (g *gen) compiledVariable(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := g.c.info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg() != g.c.pkg && v.Parent() == v.Pkg().Scope()
}

// boxlessImplementers writes, for EqualNamed, a value and the box's name
// of each of the notebook's named types that are not structs and
// implement t, if t is one of the notebook's interfaces with methods: the
// interpreter hands a hook a value of such an interface without its box
// (a U16 as a uint16), and the one implementer with its reflect type
// names it.
func (g *gen) boxlessImplementers(t types.Type) string {
	if !interpretedInterface(t) {
		return ""
	}
	return g.implementersBy(t, g.boxName)
}
