package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// compareInterfaces compares a compiled interface (error) with a value
// that may be the notebook's through a hook:
//
//	err == ErrTooBig    becomes    __goconc.Equal(err, ErrTooBig)
//
// Yaegi gives compiled interfaces the notebook's values in a wrapper that
// holds a func, which Go cannot compare: comparing two such errors
// panicked ("comparing uncomparable type interp._error"), and an error
// holding a struct value was not equal to that value. The hook compares
// the values in the wrappers, with Go's rules: equal dynamic types and
// values, a panic for a type that is not comparable. Comparisons with nil
// and with a compiled package's variable (io.EOF: never a wrapper, so the
// types differ whenever one side is) stay as they are.
func (g *gen) compareInterfaces() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
			return true
		}
		x, y := g.c.info.Types[be.X], g.c.info.Types[be.Y]
		if x.Type == nil || y.Type == nil || x.IsNil() || y.IsNil() || g.compiledVariable(be.X) || g.compiledVariable(be.Y) {
			return true
		}
		if !g.mayHoldWrapper(x.Type, y.Type) && !g.mayHoldWrapper(y.Type, x.Type) {
			return true
		}
		not := ""
		if be.Op == token.NEQ {
			not = "!"
		}
		g.r.Replace(be, func() string {
			return not + HooksName + ".Equal(" + g.r.Source(be.X) + ", " + g.r.Source(be.Y) + ")"
		})
		return true
	})
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
