package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// reflectTypeNames gives the reflect.Type of one of the notebook's struct
// types Go's name where a cell reads or prints it:
//
//	t.Name()              becomes    __goconc.ReflectName(t)        "point", not ""
//	t.String()            becomes    __goconc.ReflectString(t)      "main.point"
//	t.PkgPath()           becomes    __goconc.ReflectPkgPath(t)     "main"
//	fmt.Println(t)        becomes    fmt.Println(__goconc.ReflectString(t))
//
// The interpreter builds a struct type with reflect.StructOf, unnamed:
// reflect.TypeOf(p) printed struct { X int "goconc:\"point\"" ... }. A
// reflect.Type cannot be made outside package reflect, so the type stays
// the interpreter's; what is read of its name is Go's (the evaluator knows
// the struct types by the name in their first field's tag, registerTypes).
// A named type that is not a struct is its underlying type to reflect, and
// keeps that name.
func (g *gen) reflectTypeNames() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) == 0 && isReflectType(g.c.info.TypeOf(sel.X)) {
			if hook, ok := reflectNameHooks[sel.Sel.Name]; ok {
				g.methodCallAsHook(call, hook)
				return true
			}
		}
		for _, op := range g.printedOperands(call) {
			// Only where every verb that formats the operand formats
			// its String: %T names *reflect.rtype.
			stringed := len(op.verbs) > 0
			for _, v := range op.verbs {
				stringed = stringed && strings.ContainsRune("vsq", v.verb) && !strings.Contains(v.flags, "#")
			}
			if stringed {
				g.reflectStringOperand(op.arg)
			}
		}
		return true
	})
}

// reflectNameHooks are the hooks of reflect.Type's methods that name it.
var reflectNameHooks = map[string]string{"Name": "ReflectName", "String": "ReflectString", "PkgPath": "ReflectPkgPath"}

// reflectStringOperand passes an operand of a print that is a
// reflect.Type through ReflectString.
func (g *gen) reflectStringOperand(arg ast.Expr) {
	if isReflectType(g.c.info.TypeOf(arg)) {
		g.r.Before(arg, HooksName+".ReflectString(")
		g.r.After(arg, ")")
	}
}

// isReflectType reports whether t is reflect.Type.
// isReflectValue reports whether t is reflect.Value.
func isReflectValue(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "reflect" && named.Obj().Name() == "Value"
}

func isReflectType(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "reflect" && named.Obj().Name() == "Type"
}
