package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// checkIndexInPlace checks, where it stands, an index that checkIndexes
// cannot check before its statement, because a call or a receive runs
// before it, or the indexed value or the index is not a plain read:
//
//	fmt.Println(get()[i])    fmt.Println(func(__goconc_s []int, __goconc_i int) int { if ... { __goconc.IndexOutOfRange(__goconc_i, len(__goconc_s)) }; return __goconc_s[__goconc_i] }(get(), i))
//
// The literal takes the indexed value and the index in Go's order, once
// each, and reads the element as the index expression did. Only an
// element read for its value is checked so: one assigned, whose address
// is taken (by & or a method of a pointer receiver), or sliced must stay
// where it is, and so does an element of an interface type. The panic
// said "index out of range", where Go says "index out of range [5] with
// length 3".
func (g *gen) checkIndexInPlace(ix *ast.IndexExpr) {
	if !g.indexedAtRun(ix) || isInterface(g.c.info.TypeOf(ix)) {
		// (An interface element handed back by the literal is another
		// value to Yaegi: uv[1].(*rat) failed, "main.item is *main.rat,
		// not *main.rat", Go's test/chan/powser2.go.)
		return
	}
	xt, it, et := g.c.info.TypeOf(ix.X), g.c.info.TypeOf(ix.Index), g.c.info.TypeOf(ix)
	if isUntyped(it) {
		it = types.Typ[types.Int]
	}
	if isUntyped(xt) {
		xt = types.Typ[types.String]
	}
	s, ok1 := g.localType(xt)
	i, ok2 := g.localType(it)
	e, ok3 := g.localType(et)
	if !ok1 || !ok2 || !ok3 {
		return
	}
	var cond string
	switch b := it.Underlying().(*types.Basic); {
	case b.Kind() == types.Int:
		cond = "__goconc_i < 0 || __goconc_i >= len(__goconc_s)"
	case b.Info()&types.IsUnsigned != 0:
		cond = "uint64(__goconc_i) >= uint64(len(__goconc_s))"
	default:
		cond = "int64(__goconc_i) < 0 || int64(__goconc_i) >= int64(len(__goconc_s))"
	}
	// Opened at the operand, so that what other rules write around the
	// whole index expression (fmt's Fields) goes around the literal's
	// call, which closes at its ].
	g.r.Before(ix.X, "func(__goconc_s "+s+", __goconc_i "+i+") "+e+" { if "+cond+" { "+HooksName+".IndexOutOfRange(__goconc_i, len(__goconc_s)) }; return __goconc_s[__goconc_i] }(")
	g.r.ReplaceRange(ix.Lbrack, ix.Lbrack+1, ", ")
	g.r.ReplaceRange(ix.Rbrack, ix.Rbrack+1, ")")
}

// readsForValue returns the index expressions under root that are read for
// their values only (see checkIndexInPlace), outside function literals;
// lvalue says root is assigned.
func (g *gen) readsForValue(root ast.Expr, lvalue bool) []*ast.IndexExpr {
	var out []*ast.IndexExpr
	var walk func(n ast.Expr, place bool)
	walk = func(n ast.Expr, place bool) {
		switch x := n.(type) {
		case nil:
		case *ast.ParenExpr:
			walk(x.X, place)
		case *ast.IndexExpr:
			if !place && !g.isMapIndex(x) {
				out = append(out, x)
			}
			// Its operand is read in place (indexed), unless x is read
			// for its value and the operand is a slice or a string.
			walk(x.X, place || !isSliceOrString(g.c.info.TypeOf(x.X)))
			walk(x.Index, false)
		case *ast.SelectorExpr:
			walk(x.X, true) // a field or a method: the receiver may be addressed
		case *ast.StarExpr:
			walk(x.X, false)
		case *ast.UnaryExpr:
			walk(x.X, place || x.Op == token.AND)
		case *ast.BinaryExpr:
			walk(x.X, false)
			walk(x.Y, false)
		case *ast.CallExpr:
			walk(x.Fun, false)
			for _, a := range x.Args {
				walk(a, false)
			}
		case *ast.SliceExpr:
			walk(x.X, true) // an array sliced must be addressable
			walk(x.Low, false)
			walk(x.High, false)
			walk(x.Max, false)
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					walk(kv.Value, false)
					continue
				}
				walk(el, false)
			}
		case *ast.KeyValueExpr:
			walk(x.Value, false)
		case *ast.TypeAssertExpr:
			walk(x.X, false)
		}
	}
	walk(root, lvalue)
	return out
}

func (g *gen) isMapIndex(ix *ast.IndexExpr) bool {
	t := g.c.info.TypeOf(ix.X)
	if t == nil {
		return true
	}
	_, m := t.Underlying().(*types.Map)
	return m
}

func isSliceOrString(t types.Type) bool {
	if t == nil {
		return false
	}
	_, slice := t.Underlying().(*types.Slice)
	return slice || isStringType(t)
}
