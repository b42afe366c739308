package program

import (
	"go/ast"
	"go/types"
)

// bindPointerMethodValues binds a method value whose method has a
// pointer receiver, selected from an operand that is not a pointer, to
// the operand's address when it is evaluated (bindMethodValue):
//
//	incs = append(incs, c.Inc)
//	go w.Run(out, &wg)
//
// Go binds the method value to &c when it evaluates it. Yaegi v0.16.1
// bound it to the variable or element, and took its address when the
// method ran: the values taken in a loop (c, a fresh variable per
// iteration, or cs[i]) all called Inc on the last one, and goroutines
// started with go w.Run(...) all ran on the last worker. A method called
// where it is selected (c.Inc()) is left as it is; a deferred one is
// rewriteDefers'.
func (g *gen) bindPointerMethodValues() {
	for _, fd := range g.rewritable() {
		called := map[*ast.SelectorExpr]bool{}
		goCalls := map[*ast.CallExpr]bool{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.GoStmt:
				goCalls[x.Call] = true // a method value, evaluated at the go
			case *ast.DeferStmt:
				if sel, ok := ast.Unparen(x.Call.Fun).(*ast.SelectorExpr); ok {
					called[sel] = true
				}
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && !goCalls[x] {
					called[sel] = true
				}
			case *ast.SelectorExpr:
				if !called[x] && g.pointerMethodOfValue(x) {
					g.bindMethodValue(x)
				}
			}
			return true
		})
	}
}

// bindMethodValue writes method value sel as the method value of a
// parameter, &x handed to it:
//
//	c.Inc    becomes    func(__goconc_r *C) func() int { return __goconc_r.Inc }(&c)
//
// Yaegi makes a method value of the variable, or element, it is
// selected from, read when it is called (even of (&c).Inc); a parameter
// is a variable of the literal's call alone.
func (g *gen) bindMethodValue(sel *ast.SelectorExpr) {
	recv, ok := g.localType(types.NewPointer(g.c.info.TypeOf(sel.X)))
	if !ok {
		return
	}
	fn, ok := g.localType(g.c.info.TypeOf(sel))
	if !ok {
		return
	}
	g.r.Replace(sel, func() string {
		return "func(__goconc_r " + recv + ") " + fn + " { return __goconc_r." + sel.Sel.Name + " }(&" + g.r.Source(sel.X) + ")"
	})
}

// pointerMethodOfValue reports whether sel selects a method of the
// notebook's with a pointer receiver, of an operand that is not a
// pointer.
func (g *gen) pointerMethodOfValue(sel *ast.SelectorExpr) bool {
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok || fn.Pkg() != g.c.pkg {
		return false // (a compiled type's method value reflect binds when taken)
	}
	if _, ptr := fn.Signature().Recv().Type().(*types.Pointer); !ptr {
		return false
	}
	t := g.c.info.TypeOf(sel.X)
	if t == nil || types.IsInterface(t) {
		return false
	}
	_, isPtr := t.Underlying().(*types.Pointer)
	return !isPtr // (and addressable: go/types checked it)
}
