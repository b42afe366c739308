package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// rewriteDefers makes the arguments of deferred calls be evaluated at the
// defer statement, as Go requires: Yaegi v0.16.1 reads them when the call
// runs, so
//
//	x := 1; defer fmt.Println(x); x = 2
//
// would print 2. Each argument goes into a variable of its own first:
//
//	{ __a1 := x; defer fmt.Println(__a1) }
//
// A defer in a block defers to the end of the function all the same.
// Constant arguments need no copy; calls with none are left alone.
func (g *gen) rewriteDefers() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			ds, ok := n.(*ast.DeferStmt)
			if !ok || !g.hasVariableArgs(ds.Call) {
				return true
			}
			g.r.Replace(ds, func() string {
				var tmps, vals, args []string
				for _, a := range ds.Call.Args {
					if tv, ok := g.c.info.Types[a]; ok && tv.Value != nil {
						args = append(args, g.r.Source(a))
						continue
					}
					t := g.r.Temp("a")
					tmps, vals, args = append(tmps, t), append(vals, g.r.Source(a)), append(args, t)
				}
				ell := ""
				if ds.Call.Ellipsis.IsValid() {
					ell = "..."
				}
				return fmt.Sprintf("{ %s := %s; defer %s(%s%s) }", strings.Join(tmps, ", "), strings.Join(vals, ", "),
					g.r.Source(ds.Call.Fun), strings.Join(args, ", "), ell)
			})
			return true
		})
	}
}

// hasVariableArgs reports whether a call has an argument that is not a
// constant, and none that is a multi-value call (f(g())), which cannot be
// split into variables without knowing its arity here.
func (g *gen) hasVariableArgs(call *ast.CallExpr) bool {
	variable := false
	for _, a := range call.Args {
		tv, ok := g.c.info.Types[a]
		if !ok {
			return false
		}
		if _, multi := tv.Type.(*types.Tuple); multi {
			return false
		}
		if tv.Value == nil {
			variable = true
		}
	}
	return variable
}
