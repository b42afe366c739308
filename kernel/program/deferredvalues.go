package program

import (
	"go/ast"
	"go/types"
)

// deferredValue returns what fun, the function of a deferred call, holds
// when it is a local variable given one value and never assigned again
// nor addressed: a function literal, a function, a method value
// (handler := func() { if r := recover(); ... }; defer handler()). Go's
// recover() in such a function takes the panic, as it does in a function
// deferred by name; the evaluator needs to know which function it is
// (recoveringName). nil otherwise.
func (g *gen) deferredValue(fun ast.Expr) ast.Expr {
	id, ok := fun.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := g.c.info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	e := g.devirtualizer().only(v)
	switch x := e.(type) {
	case *ast.FuncLit:
		return x
	case *ast.Ident:
		if _, ok := g.c.info.Uses[x].(*types.Func); ok {
			return x
		}
	case *ast.SelectorExpr:
		if s := g.c.info.Selections[x]; s != nil && s.Kind() == types.MethodVal {
			return x
		}
		if _, ok := g.c.info.Uses[x.Sel].(*types.Func); ok {
			return x
		}
	}
	return nil
}

// literalName names a function literal for the evaluator, as the
// recover() calls of a function deferred by name are named by it.
func (g *gen) literalName(lit *ast.FuncLit) string {
	return "func literal at " + g.c.fset.Position(lit.Pos()).String()
}
