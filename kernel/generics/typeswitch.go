package generics

import (
	"go/ast"
	"go/types"
)

// duplicateCases removes, from the type switches of an instance, the case
// types that an earlier case of the same switch already names once the
// type parameters are replaced:
//
//	func f[T any](i any) {              f[int32]:
//		switch i.(type) {                   switch i.(type) {
//		case T:                             case int32:
//		case int32, int16:                  case int16:
//		case int:                           case int:
//
// Go allows the generic switch and takes the first case that matches
// (Go's test/typeparam/typeswitch*.go); written out, the instance would
// have duplicate cases, which Go rejects. So do the cases of a type that
// does not implement the switched interface (test/typeparam/issue50002.go),
// which no value could match. A clause left without a type goes: none of
// its values could reach it.
func (l *lowerer) duplicateCases(u *unit, start, end int, m map[*types.TypeParam]types.Type) []Edit {
	if len(m) == 0 {
		return nil
	}
	var out []Edit
	inspectRange(u, start, end, func(n ast.Node) bool {
		if ta, ok := n.(*ast.TypeAssertExpr); ok && ta.Type != nil && impossible(u, ta.X, ta.Type, m) {
			// x.(S) where the instance's x is an interface S does not
			// implement: Go lets generic code ask, and says false (or
			// panics); written out, go/types rejects it. From an any it
			// can be asked.
			out = append(out, Edit{u.off(ta.X.Pos()), u.off(ta.X.Pos()), "any("}, Edit{u.off(ta.X.End()), u.off(ta.X.End()), ")"})
			return true
		}
		ts, ok := n.(*ast.TypeSwitchStmt)
		if !ok {
			return true
		}
		var subject ast.Expr
		switch a := ts.Assign.(type) {
		case *ast.ExprStmt:
			subject = a.X.(*ast.TypeAssertExpr).X
		case *ast.AssignStmt:
			subject = a.Rhs[0].(*ast.TypeAssertExpr).X
		}
		var seen []types.Type
		seenNil := false
		for _, s := range ts.Body.List {
			cc := s.(*ast.CaseClause)
			var dup []int
			for i, e := range cc.List {
				if tv, ok := u.info.Types[e]; ok && tv.IsNil() {
					if seenNil {
						dup = append(dup, i)
					}
					seenNil = true
					continue
				}
				t := subst(u.info.TypeOf(e), m)
				if t == nil {
					continue
				}
				if containsIdentical(seen, t) || impossible(u, subject, e, m) {
					dup = append(dup, i)
					continue
				}
				seen = append(seen, t)
			}
			switch {
			case len(dup) == 0:
			case len(dup) == len(cc.List):
				out = append(out, Edit{u.off(cc.Pos()), u.off(cc.End()), ""})
			default:
				out = append(out, removeListItems(u, cc.List, dup)...)
			}
		}
		return true
	})
	return out
}

func containsIdentical(ts []types.Type, t types.Type) bool {
	for _, s := range ts {
		if types.Identical(s, t) {
			return true
		}
	}
	return false
}

// removeListItems returns the edits that take the items at the indexes
// drop (ascending, not all of them) out of a comma-separated list.
func removeListItems(u *unit, list []ast.Expr, drop []int) []Edit {
	var out []Edit
	gone := map[int]bool{}
	for _, i := range drop {
		gone[i] = true
	}
	for _, i := range drop {
		if i+1 < len(list) {
			// "a, " of "a, b": up to the next item.
			out = append(out, Edit{u.off(list[i].Pos()), u.off(list[i+1].Pos()), ""})
			continue
		}
		// The last item: from the end of the last one kept.
		prev := i - 1
		for gone[prev] {
			prev--
		}
		out = append(out, Edit{u.off(list[prev].End()), u.off(list[i].End()), ""})
	}
	return out
}

// impossible reports whether asserting x to the type typ is impossible
// in the instance m: x is of an interface that typ, not an interface,
// does not implement.
func impossible(u *unit, x, typ ast.Expr, m map[*types.TypeParam]types.Type) bool {
	if x == nil {
		return false
	}
	xt, tt := subst(u.info.TypeOf(x), m), subst(u.info.TypeOf(typ), m)
	if xt == nil || tt == nil || types.IsInterface(tt) {
		return false
	}
	iface, ok := xt.Underlying().(*types.Interface)
	return ok && !types.Implements(tt, iface)
}
