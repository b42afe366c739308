package program

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkMakeCaps checks the capacity of make(S, len, cap) as Go's runtime
// does, before the interpreter allocates:
//
//	make(T, 0, n)    make(T, 0, __goconc.MakeCap(int(0), int(n), 8))
//
// Yaegi's reflect.MakeSlice fails on the allocation whichever size was too
// large, and its panic does not say which: Go says "makeslice: cap out of
// range" for a capacity too large, negative or below the length
// (test/makeslice.go). The length is read again for the check, so only a
// constant or a variable is: other lengths are left as they are.
func (g *gen) checkMakeCaps() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 3 || !g.isBuiltinNamed(call.Fun, "make") {
			return true
		}
		s, ok := g.c.info.TypeOf(call.Args[0]).Underlying().(*types.Slice)
		if !ok || g.c.info.Types[call.Args[2]].Value != nil {
			return true
		}
		var length string
		switch l := ast.Unparen(call.Args[1]).(type) {
		case *ast.BasicLit:
			length = l.Value
		case *ast.Ident:
			if _, ok := g.c.info.Uses[l].(*types.Var); !ok && g.c.info.Types[l].Value == nil {
				return true
			}
			length = l.Name
		default:
			if tv := g.c.info.Types[l]; tv.Value != nil {
				length = tv.Value.ExactString()
			} else {
				return true
			}
		}
		g.r.Before(call.Args[2], "__goconc.MakeCap(int("+length+"), int(")
		g.r.After(call.Args[2], fmt.Sprintf("), %d)", gcSizes.Sizeof(s.Elem())))
		return true
	})
}
