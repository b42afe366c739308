package program

import (
	"go/ast"
	"go/types"
)

// unboxCompiledValues takes a value of a compiled type out of the box of
// an interface the notebook declares, where it goes into an any or a
// compiled interface in the notebook's code:
//
//	var a any = s    // s a Stringer of the notebook's holding time.Second
//
// becomes
//
//	var a any = func(x Stringer) any {
//		if v, ok := __goconc.CompiledValue(x); ok { return v }
//		return x
//	}(s)
//
// Yaegi keeps such a value in its box (interp.valueInterface), and the box
// goes into the any whole, where the same value put there directly is not
// boxed: the two were not equal (any(s) == any(time.Second) was false)
// and were two keys of a map[any]int. The hook gives back the value
// itself, unboxed as Yaegi unboxes an argument of compiled code; a value
// of a notebook type keeps its box (Yaegi tells its type by it).
// Arguments of compiled functions are left alone: Yaegi unboxes them.
func (g *gen) unboxCompiledValues() {
	g.assignments(func(e ast.Expr, to types.Type, compiled bool) {
		from := g.c.info.TypeOf(e)
		if compiled || from == nil || to == nil || !isInterface(to) || interpretedInterface(to) || g.compiledMethods(from) == nil {
			return
		}
		fromText, ok1 := g.localType(from)
		toText, ok2 := g.localType(to)
		if !ok1 || !ok2 {
			return
		}
		v := "__goconc_v"
		if !isEmptyInterface(to) {
			v += ".(" + toText + ")"
		}
		unbox := "if __goconc_v, __goconc_ok := " + HooksName + ".CompiledValue(__goconc_x); __goconc_ok { return " + v + " }; return __goconc_x }"
		// (In parentheses, as literalArg writes it: a call's result
		// handed straight to the literal came out of it in a box that
		// named the interface, and classify(makeShape(2)) took a Sq for
		// a Shape of 0.)
		g.r.Before(e, "func(__goconc_x "+fromText+") "+toText+" { "+unbox+"((")
		g.r.After(e, "))")
	})
}
