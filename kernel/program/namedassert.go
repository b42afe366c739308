package program

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/generics"
)

// Yaegi's reflect type of a named type that is not a struct is its
// underlying type: to its assertions and type switches, a MyFloat in an
// any was a float64, and a float64 a MyFloat (and a Celsius). The
// interpreter's box of a value in an any names its type (the evaluator's
// BoxedName; boxMarkers makes sure every such type is boxed), so an
// assertion from an any to such a type, or to a basic type under one, asks
// the box first:
//
//	f, ok := x.(MyFloat)
//
// becomes
//
//	f, ok := func(x any) (MyFloat, bool) {
//		if n := __goconc.BoxedName(x); n != "main.MyFloat" {
//			return *new(MyFloat), false
//		}
//		v, ok := x.(MyFloat); return v, ok
//	}(x)
//
// and x.(float64) fails for a box of any name. A value without a box is
// not of the notebook's type, with one exception the README lists: compiled
// code hands values back without their box (sync.Map's Load, a context's
// Value), so a MyFloat stored there comes back a float64. Type switches
// with such a case are lowered with the same assertions (typeSwitch).

// boxedAssertion returns the function literal asserting an any to typ
// (written to), if typ is a named type of the notebook that is not a
// struct, or a type under one; commaOK as for assertion.
func (g *gen) boxedAssertion(typ types.Type, to string, commaOK bool) (string, bool) {
	check := ""
	switch {
	case g.knownByBox(typ):
		name := strconv.Quote(g.boxName(typ))
		check = "if __goconc_n := " + HooksName + ".BoxedName(__goconc_x); __goconc_n != " + name + " { "
		if commaOK {
			check += "return *new(" + to + "), false }; "
		} else {
			check += HooksName + ".BadAssertion(__goconc_x, __goconc_n, " + name + ") }; "
		}
	case g.underNamed(typ):
		check = "if __goconc_n := " + HooksName + ".BoxedName(__goconc_x); __goconc_n != \"\" { "
		if commaOK {
			check += "return *new(" + to + "), false }; "
		} else {
			check += HooksName + ".BadAssertion(__goconc_x, __goconc_n, " + strconv.Quote(types.TypeString(typ, nil)) + ") }; "
		}
	case !commaOK && g.basicUnderNamed(typ):
		// x.(string) of an any holding a Named(3): the assertion fails
		// as it should, but the interpreter's panic named the value's
		// type int; the hook names the box's.
		fail := "if !__goconc_ok { " + HooksName + ".BadAssertion(__goconc_x, " + HooksName + ".BoxedName(__goconc_x), " + strconv.Quote(types.TypeString(typ, nil)) + ") }; "
		return "func(__goconc_x any) " + to + " { __goconc_v, __goconc_ok := __goconc_x.(" + to + "); " + fail + "return __goconc_v }", true
	default:
		return "", false
	}
	// An interpreter's wrapper of the box (an error of the type handed
	// on as an any) is no value of the type: the box in it is (InBox).
	assert := "__goconc_v, __goconc_ok := __goconc_x.(" + to + "); if !__goconc_ok { var __goconc_b any = " + HooksName + ".InBox(__goconc_x); __goconc_v, __goconc_ok = __goconc_b.(" + to + ") }; "
	if isStruct(typ) {
		// (A struct without fields: the interpreter's assertion of its
		// wrapper panicked, "reflect: Field index out of bounds".)
		assert = "var __goconc_b any = " + HooksName + ".InBox(__goconc_x); __goconc_v, __goconc_ok := __goconc_b.(" + to + "); "
	}
	if commaOK {
		return "func(__goconc_x any) (" + to + ", bool) { " + check + assert + "return __goconc_v, __goconc_ok }", true
	}
	want := strconv.Quote(types.TypeString(typ, nil))
	if g.knownByBox(typ) {
		want = strconv.Quote(g.boxName(typ))
	}
	// (The interpreter's own panic named a struct of the notebook's by
	// its structure.)
	fail := "if !__goconc_ok { " + HooksName + ".BadAssertion(__goconc_x, " + HooksName + ".BoxedName(__goconc_x), " + want + ") }; "
	return "func(__goconc_x any) " + to + " { " + check + assert + fail + "return __goconc_v }", true
}

// assertBoxed lowers the assertion ta from an any, or from one of the
// notebook's interfaces to a type it holds boxed (boxedAssertion).
func (g *gen) assertBoxed(ta *ast.TypeAssertExpr, commaOK bool) {
	from, to := g.c.info.TypeOf(ta.X), g.c.info.TypeOf(ta.Type)
	if from == nil || to == nil || !isEmptyInterface(from) && !g.boxedFromInterface(from, to) {
		return
	}
	text, ok := g.boxedAssertion(to, g.r.Source(ta.Type), commaOK)
	if !ok {
		return
	}
	if !isEmptyInterface(from) {
		// (A failed assertion names the interface: "interface
		// conversion: main.Animal is main.Dog, not main.Cat".)
		text = strings.Replace(text, ".BadAssertion(__goconc_x, ", ".BadAssertionFrom("+strconv.Quote(g.goName(from))+", __goconc_x, ", 1)
	}
	g.r.Replace(ta, func() string { return text + "(" + g.literalArg(ta.X) + ")" })
}

// boxedFromInterface reports whether an assertion from the notebook's
// interface from to the type to is decided by the interpreter's box: to
// is one of the notebook's types that are not structs with fields, whose
// reflect type others share. The interpreter compared the reflect types:
// with type Dog struct{} and type Cat struct{} (or type Dog int, type Cat
// int) implementing an Animal, an Animal holding a Dog asserted to a Cat
// held, a type switch took case Dog for a Cat, and %T named the last such
// type declared (or int). The box of a value of the interface, handed on
// as an any, names its type.
func (g *gen) boxedFromInterface(from, to types.Type) bool {
	if compiledNamed(from) && isInterface(from) && !isEmptyInterface(from) && g.knownByBox(to) {
		// A struct without fields in an error (type ErrTimeout
		// struct{}): the evaluator keeps the box of the value the
		// interpreter's wrapper holds (copyIntoPlace), and the
		// interpreter's own assertion panicked ("reflect: Field index
		// out of bounds").
		return true
	}
	return g.boxingInterface(from) && g.knownByBox(to)
}

// knownByBox reports whether t is one of the notebook's types whose
// values only the interpreter's box tells apart from others' (or the box
// the evaluator keeps for the wrapper that gives one to compiled code): a
// named type that is not a struct with fields (unnamedToReflect), or a
// pointer to a struct type without fields.
func (g *gen) knownByBox(t types.Type) bool { return g.unnamedToReflect(t) || g.unnamedPointer(t) }

// unnamedPointer reports whether t is a pointer to one of the notebook's
// types that reflect does not name: a struct without fields (*ErrX, with
// func (*ErrX) Error()), *struct{} to reflect as all such pointers are,
// or a type that is not a struct (*Counter, a *int to reflect, so that a
// type switch took it for a *int, and for no *Counter), so that only the
// interpreter's box, or the one the evaluator keeps for its wrapper, tells
// which.
func (g *gen) unnamedPointer(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && g.unnamedToReflect(p.Elem())
}

// boxingInterface reports whether t is one of the notebook's interfaces
// with methods whose values' boxes name their types: not an instance of
// a generic interface, whose values the lowered code hands on otherwise
// (the interpreter's own assertion is right there).
func (g *gen) boxingInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() > 0 || generics.Origin(n.Obj().Name()) != n.Obj().Name() {
		return false
	}
	return g.notebookInterface(t) && !isEmptyInterface(t)
}

// unnamedToReflect reports whether t is a package-level named type of the
// notebook whose reflect type, in the interpreter, is its underlying type:
// one that is neither an interface nor a struct with fields (tagStructs
// gives each of those a reflect type of its own; type token struct{} is
// struct{} to reflect).
func (g *gen) unnamedToReflect(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg || n.Obj().Parent() != g.c.pkg.Scope() || n.TypeParams().Len() > 0 {
		return false
	}
	switch u := n.Underlying().(type) {
	case *types.Struct:
		return u.NumFields() == 0
	case *types.Interface:
		return false
	}
	return true
}

// underNamed reports whether t, a type without a name, is the underlying
// type of one of the notebook's package-level named types that are not
// structs, or a pointer to one.
func (g *gen) underNamed(t types.Type) bool {
	if _, named := types.Unalias(t).(*types.Named); named || types.IsInterface(t) {
		return false // (a compiled named type has a reflect type of its own)
	}
	// (or a pointer to one: a *Celsius is a *float64 to reflect)
	p, pointer := types.Unalias(t).(*types.Pointer)
	for _, n := range g.packageTypes() {
		if !g.unnamedToReflect(n) {
			continue
		}
		if types.Identical(n.Underlying(), t) || pointer && types.Identical(n.Underlying(), p.Elem()) {
			return true
		}
	}
	return false
}

// basicUnderNamed reports whether t is a basic type and the notebook
// declares a package-level named type that is not a struct, whose values
// the interpreter keeps as values of their underlying basic types.
func (g *gen) basicUnderNamed(t types.Type) bool {
	if _, basic := types.Unalias(t).(*types.Basic); !basic {
		return false
	}
	for _, n := range g.packageTypes() {
		if _, basic := n.Underlying().(*types.Basic); basic && g.unnamedToReflect(n) {
			return true
		}
	}
	return false
}

// isEmptyInterface reports whether t is an interface without methods.
func isEmptyInterface(t types.Type) bool {
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.NumMethods() == 0
}
