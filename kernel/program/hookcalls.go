package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// methodCallAsHook writes method call x.M(a, b) as a call of the hook
// given its receiver first, __goconc.Hook(x, a, b): the rules that hand
// the calls of reflect's, xml's and other compiled methods to hooks that
// know the notebook's values do so (reflectfields.go, reflectmethods.go,
// reflecttypes.go, xmlnames.go...).
func (g *gen) methodCallAsHook(call *ast.CallExpr, hook string) {
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	recv := sel.X
	amp, path := g.promotedReceiver(sel)
	g.r.Replace(call, func() string {
		args := []string{amp + g.r.Source(recv) + path}
		for _, a := range call.Args {
			args = append(args, g.r.Source(a))
		}
		return HooksName + "." + hook + "(" + strings.Join(args, ", ") + ")"
	})
}

// promotedReceiver returns how the receiver of the method sel selects is
// reached from sel.X when the method is promoted from an embedded field
// (cmd.Parse of a struct embedding a *flag.FlagSet, job.Println of one
// embedding a *log.Logger): through the names of the embedded fields
// (".FlagSet"), with "&" first where the method takes a pointer and the
// last of them is not one. Both are "" for a method of sel.X's own type.
func (g *gen) promotedReceiver(sel *ast.SelectorExpr) (amp, path string) {
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal || len(s.Index()) < 2 {
		return "", ""
	}
	names, t, ok := g.notebookFields(s.Recv(), s.Index())
	if !ok {
		return "", ""
	}
	path = "." + strings.Join(names, ".")
	fn, _ := s.Obj().(*types.Func)
	if fn == nil {
		return "", path
	}
	_, ptrRecv := fn.Signature().Recv().Type().(*types.Pointer)
	if _, ptr := t.Underlying().(*types.Pointer); ptrRecv && !ptr {
		amp = "&"
	}
	return amp, path
}
