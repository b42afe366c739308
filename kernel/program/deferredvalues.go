package program

import (
	"go/ast"
	"go/token"
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
	if g.funcValues == nil {
		g.funcValues = g.funcVariableValues()
	}
	e := g.funcValues[v]
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

// funcVariableValues returns, for each local variable of a function type
// of the functions rewritten, the one value it is given, or nil if it is
// given none or several, or its address is taken.
func (g *gen) funcVariableValues() map[*types.Var]ast.Expr {
	info := g.c.info
	values := map[*types.Var]ast.Expr{}
	count := map[*types.Var]int{}
	give := func(lhs ast.Expr, value ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := info.Defs[id].(*types.Var)
		if !ok {
			v, ok = info.Uses[id].(*types.Var)
		}
		if !ok || !isSignature(v.Type()) {
			return
		}
		count[v]++
		values[v] = value
	}
	g.walk(func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for i, l := range x.Lhs {
				var value ast.Expr
				if len(x.Lhs) == len(x.Rhs) {
					value = ast.Unparen(x.Rhs[i])
				}
				give(l, value)
			}
		case *ast.ValueSpec:
			for i, id := range x.Names {
				var value ast.Expr
				if len(x.Names) == len(x.Values) {
					value = ast.Unparen(x.Values[i])
				}
				give(id, value)
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				give(x.X, nil) // (and a second time below: never one value)
				give(x.X, nil)
			}
		case *ast.RangeStmt:
			give(x.Key, nil)
			give(x.Value, nil)
		}
		return true
	})
	for v, n := range count {
		if n != 1 {
			values[v] = nil
		}
	}
	return values
}

// literalName names a function literal for the evaluator, as the
// recover() calls of a function deferred by name are named by it.
func (g *gen) literalName(lit *ast.FuncLit) string {
	return "func literal at " + g.c.fset.Position(lit.Pos()).String()
}
