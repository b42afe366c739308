package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// compareNotNil writes a comparison of an interface value with nil by ==:
//
//	v != nil    becomes    !(v == nil)
//
// The interpreter's != is true of an interface holding its box of a nil
// value of one of the notebook's interfaces (var s Shape; var v any = s,
// or s handed to a func(v any)), where its == is true too: func
// describe(v any) { if v != nil { ... } } took a nil Shape for a value,
// silently. Only where the notebook declares an interface: no box is
// made otherwise.
func (g *gen) compareNotNil() {
	if !g.declaresInterfaces() {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || be.Op != token.NEQ {
			return true
		}
		x, y := g.c.info.Types[be.X], g.c.info.Types[be.Y]
		if x.Type == nil || y.Type == nil || !(x.IsNil() && isInterface(y.Type) || y.IsNil() && isInterface(x.Type)) {
			return true
		}
		g.r.Before(be, "!(")
		g.r.ReplaceRange(be.OpPos, be.OpPos+token.Pos(len("!=")), "==")
		g.r.After(be, ")")
		return true
	})
}

// declaresInterfaces reports whether the notebook declares an interface
// type at its top level.
func (g *gen) declaresInterfaces() bool {
	scope := g.c.pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && isInterface(tn.Type()) {
			return true
		}
	}
	return false
}
