package program

import (
	"go/ast"
	"strings"
)

// methodCallAsHook writes method call x.M(a, b) as a call of the hook
// given its receiver first, __goconc.Hook(x, a, b): the rules that hand
// the calls of reflect's, xml's and other compiled methods to hooks that
// know the notebook's values do so (reflectfields.go, reflectmethods.go,
// reflecttypes.go, xmlnames.go...).
func (g *gen) methodCallAsHook(call *ast.CallExpr, hook string) {
	recv := ast.Unparen(call.Fun).(*ast.SelectorExpr).X
	g.r.Replace(call, func() string {
		args := []string{g.r.Source(recv)}
		for _, a := range call.Args {
			args = append(args, g.r.Source(a))
		}
		return HooksName + "." + hook + "(" + strings.Join(args, ", ") + ")"
	})
}
