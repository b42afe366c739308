package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// findErrorsIs lowers errors.Is and errors.Unwrap to code in the cell:
//
//	errors.Is(err, ErrNotFound)
//
// becomes a walk of the error tree (errorTree) that compares each error
// with the target through the SameError hook, calls the Is methods of the
// notebook's types in the cell and compiled ones through the IsMethod
// hook. Compiled errors.Is saw the notebook's errors in the interpreter's
// wrapper, which has an Error method and no other: an error whose Unwrap
// or Is method led to the target was not it (errors.Is(&QueryError{Err:
// ErrNotFound}, ErrNotFound) was false), and a struct error was never equal
// to itself (the wrapper holds a func, so it is not comparable).
// errors.Unwrap(err) calls the notebook's Unwrap methods in the cell too.
func (g *gen) findErrorsIs() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		switch g.calleeName(call.Fun) {
		case "errors.Is":
			if len(call.Args) == 2 {
				g.lowerErrorsIs(call)
			}
		case "errors.Unwrap":
			if len(call.Args) == 1 {
				g.lowerErrorsUnwrap(call)
			}
		}
		return true
	})
}

func (g *gen) lowerErrorsIs(call *ast.CallExpr) {
	g.r.Replace(call, func() string {
		var b strings.Builder
		b.WriteString("func(__goconc_err, __goconc_target error) bool { if __goconc_err == nil || __goconc_target == nil { return __goconc_err == nil && __goconc_target == nil }; ")
		g.errorTree(&b, func() {
			b.WriteString("if " + HooksName + ".SameError(__goconc_e, __goconc_target) { return true }; ")
			g.errorMethod(&b, "Is", types.Universe.Lookup("error").Type(), "IsMethod")
		})
		b.WriteString("return false }(" + g.r.Source(call.Args[0]) + ", " + g.r.Source(call.Args[1]) + ")")
		return b.String()
	})
}

func (g *gen) lowerErrorsUnwrap(call *ast.CallExpr) {
	one, _ := g.implementers(oneMethod("Unwrap", nil, types.Universe.Lookup("error").Type()))
	if len(one) == 0 {
		return
	}
	g.r.Replace(call, func() string {
		var b strings.Builder
		b.WriteString("func(__goconc_err error) error { var __goconc_e any = __goconc_err; ")
		for _, t := range one {
			b.WriteString(asErrorOf(t, "return __goconc_v.Unwrap()"))
		}
		b.WriteString("return " + g.r.Source(call.Fun) + "(__goconc_err) }(" + g.r.Source(call.Args[0]) + ")")
		return b.String()
	})
}
