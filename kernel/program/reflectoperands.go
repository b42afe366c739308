package program

import (
	"go/ast"
)

// reflectOperands hands reflect the notebook's value in an interface, not
// the interpreter's box around it:
//
//	reflect.TypeOf(v)     becomes    __goconc.ReflectTypeOf(v)
//	reflect.ValueOf(v)    becomes    __goconc.ReflectValueOf(v)
//
// for an operand v of an interface type. The interpreter keeps a value of
// one of the notebook's types with methods in an interface in a box of
// its own, and an error in a wrapper, and hands compiled code the box:
// in func describe(v any), reflect.TypeOf(v) of a *P was
// interp.valueInterface, of kind struct, and reflect.ValueOf(v) printed
// two pointers. An operand of another type is the value itself.
func (g *gen) reflectOperands() {
	g.calls(func(call *ast.CallExpr, name string) {
		hook, ok := reflectOperandHooks[name]
		if !ok || len(call.Args) != 1 {
			return
		}
		if t := g.c.info.TypeOf(call.Args[0]); t == nil || !isInterface(t) {
			return
		}
		g.r.Replace(call.Fun, func() string { return HooksName + "." + hook })
		g.boxOperand(call.Args[0], g.c.info.TypeOf(call.Args[0])) // (inBox)
	})
}

// reflectOperandHooks are the hooks of reflect's functions that take a
// value in an interface.
var reflectOperandHooks = map[string]string{"reflect.TypeOf": "ReflectTypeOf", "reflect.ValueOf": "ReflectValueOf"}
