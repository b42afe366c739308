package program

import (
	"go/ast"
	"go/types"
)

// boxIntoAny puts a value of a notebook type that the interpreter boxes
// (boxedValue) into an empty interface through a function that boxes it:
//
//	var r any = T1{1, 2}
//
// becomes
//
//	var r any = func(__goconc_v T1) (__goconc_r any) { __goconc_r = __goconc_v; return }(T1{1, 2})
//
// Yaegi boxes such a value when it assigns it to an any, but not a
// composite literal, nor the operand of an explicit conversion (any(x)),
// nor a result returned as it is: those held the bare value, which
// assertions and type switches (namedassert.go) take for a value of the
// underlying type, and %T named the underlying type. And the box it makes
// refers to where the value was, as copyIntoInterfaces explains for
// interfaces with methods: after
//
//	ia = i; ib = i; i = 2; ia = i
//
// ib held 2 too (Go's test/ken/interbasic.go). The function's parameter is
// storage nothing else writes. A constant needs none, but as the operand
// of a conversion or a result (always).
func (g *gen) boxIntoAny(e ast.Expr, to types.Type, always bool) {
	if to == nil || !isEmptyInterface(to) || g.mapKeys[e] {
		return
	}
	tv, ok := g.c.info.Types[e]
	if !ok || tv.IsNil() || tv.Type == nil || !g.boxedValue(tv.Type) || tv.Value != nil && !always {
		return
	}
	typ, ok := g.localType(tv.Type)
	if !ok {
		return
	}
	g.r.Before(e, "func(__goconc_v "+typ+") (__goconc_r any) { __goconc_r = __goconc_v; return }(")
	g.r.After(e, ")")
}
