package program

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// returnResultsAtOnce makes a return statement that reads a named result
// after an earlier result of the statement was given another value
// evaluate all its results before any is assigned:
//
//	func swap() (a, b int) {        func swap() (a, b int) {
//		a, b = 1, 2                     a, b = 1, 2
//		return b, a                     return func() (int, int) { return b, a }()
//	}                               }
//
// Yaegi v0.16.1 assigns each result as soon as it has its value: a became
// 2, then b became a, 2 as well (Go's test/fixedbugs/bug185.go). The
// literal's results have no names, so nothing it reads has changed yet.
func (g *gen) returnResultsAtOnce() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd, func(n ast.Node) bool {
			var sig *types.Signature
			switch f := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := g.c.info.Defs[f.Name].(*types.Func); ok {
					sig = fn.Signature()
				}
			case *ast.FuncLit:
				sig, _ = g.c.info.TypeOf(f).(*types.Signature)
			default:
				return true
			}
			if sig == nil || sig.Results().Len() < 2 || sig.Results().At(0).Name() == "" {
				return true
			}
			g.resultsAtOnce(funcBody(n), sig.Results())
			return true
		})
	}
}

// resultsAtOnce rewrites the returns of body, a function of the named
// results res, that need it.
func (g *gen) resultsAtOnce(body *ast.BlockStmt, res *types.Tuple) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) != res.Len() || !g.readsAssignedResult(x.Results, res) || slices.ContainsFunc(x.Results, g.callsRecover) {
				return true
			}
			types_ := make([]string, res.Len())
			for i := range types_ {
				t, ok := g.localType(res.At(i).Type())
				if !ok {
					return true
				}
				types_[i] = t
			}
			g.r.Before(x.Results[0], "func() ("+strings.Join(types_, ", ")+") { return ")
			g.r.After(x.Results[len(x.Results)-1], " }()")
		}
		return true
	})
}

// readsAssignedResult reports whether a result expression reads a named
// result that an expression before it gives another value.
func (g *gen) readsAssignedResult(results []ast.Expr, res *types.Tuple) bool {
	for j := 0; j < res.Len(); j++ {
		if g.refersTo(results[j], res.At(j)) {
			continue // r = r changes nothing
		}
		for _, e := range results[j+1:] {
			if g.mentions(e, res.At(j)) {
				return true
			}
		}
	}
	return false
}

// mentions reports whether v is named anywhere in n.
func (g *gen) mentions(n ast.Node, v types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && g.c.info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
