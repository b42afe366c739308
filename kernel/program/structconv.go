package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// convertStructs writes out the conversions Go leaves implicit between a
// struct type the notebook declares and an unnamed struct type of the
// same fields:
//
//	var p Point = struct{ X, Y int }{1, 2}    var p Point = Point(struct{ X, Y int }{1, 2})
//	norm(p)  // norm(v struct{ X, Y int })    norm(struct{ X, Y int }(p))
//
// tagStructs gives a declared struct type's first field a tag of the
// type's name, so that two declared types of the same fields are two
// types to the interpreter; Go assigns a value of an unnamed struct type
// to a named one (and back) only when the fields' tags are the same, and
// Yaegi refused the assignment ("cannot use type struct { X int; Y int}
// as type main.Point in assignment"). An explicit conversion ignores
// tags, in Go and in Yaegi. The rule applies where Go assigns (see
// assignments) and to comparisons.
func (g *gen) convertStructs() {
	g.assignments(func(e ast.Expr, to types.Type, _ bool) { g.convertStruct(e, to) })
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		x, ok := n.(*ast.BinaryExpr)
		if !ok || x.Op != token.EQL && x.Op != token.NEQ {
			return true
		}
		// (the unnamed side to the declared type)
		if t := g.c.info.TypeOf(x.X); t != nil && unnamedStruct(t) {
			g.convertStruct(x.X, g.c.info.TypeOf(x.Y))
		} else {
			g.convertStruct(x.Y, t)
		}
		return true
	})
}

// convertStruct converts e to the type to if one of e's type and to is a
// struct type the notebook declares, with a field (tagStructs tags it),
// and the other an unnamed struct type of the same fields.
func (g *gen) convertStruct(e ast.Expr, to types.Type) {
	from := g.c.info.TypeOf(e)
	if from == nil || to == nil || types.Identical(from, to) || !types.Identical(from.Underlying(), to.Underlying()) {
		return
	}
	if !(g.taggedStruct(from) && unnamedStruct(to) || unnamedStruct(from) && g.taggedStruct(to)) {
		return
	}
	g.convertTo(e, to)
}

// taggedStruct reports whether t is a struct type with fields that the
// notebook declares, not generic.
func (g *gen) taggedStruct(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg || n.TypeParams().Len() > 0 || n.TypeArgs().Len() > 0 {
		return false
	}
	s, ok := n.Underlying().(*types.Struct)
	return ok && s.NumFields() > 0
}

// unnamedStruct reports whether t is a struct type literal.
func unnamedStruct(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Struct)
	return ok
}
