package program

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// checkMethodValues binds a method value as Go does, when it is made: to a
// copy of the receiver for a method with a value receiver, panicking if the
// receiver is a nil pointer, a nil interface or reached through a nil
// embedded pointer:
//
//	f = p.M       (p a *T, M with a value receiver)
//
// becomes
//
//	f = func(r *T) func(int) int { if r == nil { __goconc.NilDereference() }; b := *r; return b.M }(p)
//
// Yaegi bound the method to the pointer: a nil one panicked only when f
// was called, if ever (test/method5.go), and f saw what was assigned to *p
// afterwards. A method with a pointer receiver is bound to the pointer the
// receiver holds when the value is made (Yaegi bound the variable), or to
// the address of the variable, as Yaegi does. The method of a go
// statement is such a value too (gostmt.go makes it one).
func (g *gen) checkMethodValues() {
	called := map[ast.Expr]bool{}
	started := map[*ast.CallExpr]bool{} // by go statements
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch x := n.(type) {
		case *ast.GoStmt:
			// go s.M(): the go statement makes the method value first
			// (gostmt.go), which Yaegi bound to s itself, so the
			// goroutine saw what the cell assigned to s afterwards.
			started[x.Call] = true
		case *ast.CallExpr:
			called[ast.Unparen(x.Fun)] = !started[x]
		case *ast.SelectorExpr:
			if !called[x] {
				g.checkMethodValue(x)
			}
		}
		return true
	})
}

func (g *gen) checkMethodValue(sel *ast.SelectorExpr) {
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return
	}
	recv := g.c.info.TypeOf(sel.X)
	var nils []string // receiver paths that must not be nil
	path, t := "__goconc_r", recv
	bind := "__goconc_r" // what the method is bound to
	if isInterface(recv) {
		nils = append(nils, path)
	} else {
		idx := s.Index()
		for _, i := range idx[:len(idx)-1] {
			st, ok := deref(t).Underlying().(*types.Struct)
			if !ok {
				return
			}
			if _, ptr := t.Underlying().(*types.Pointer); ptr {
				nils = append(nils, path)
			}
			f := st.Field(i)
			path, t = path+"."+f.Name(), f.Type()
		}
		m, ok := s.Obj().(*types.Func)
		if !ok {
			return
		}
		_, ptrRecv := m.Signature().Recv().Type().Underlying().(*types.Pointer)
		_, ptr := t.Underlying().(*types.Pointer)
		switch {
		case isInterface(t):
			nils = append(nils, path)
			bind = path
		case ptrRecv:
			if len(nils) == 0 && !ptr {
				return // bound to the variable's address, as Yaegi does
			}
			// A pointer is bound as it is now: Yaegi bound the variable
			// holding it, so c.Inc made in each iteration of a loop over
			// []*Counter called the last one's.
			bind = path
		case ptr:
			nils = append(nils, path)
			bind = "*" + path
		default:
			bind = path
		}
	}
	recvText, ok := g.localType(recv)
	if !ok {
		return
	}
	funcText, ok := g.localType(g.c.info.TypeOf(sel))
	if !ok {
		return
	}
	value := "__goconc_b." + sel.Sel.Name
	if m, ok := s.Obj().(*types.Func); ok && m.Pkg() != nil && m.Pkg() != g.c.pkg {
		// Yaegi cannot return a compiled method's value ("cannot use
		// (type valueT) as type funcT in return argument": lp :=
		// logger.Println): a function literal calls it on the bound
		// receiver.
		if value, ok = g.callingLiteral(m.Signature(), value, nil, ""); !ok {
			return
		}
	} else if ts := g.nilReceiverTypes(sel); isInterface(recv) && len(ts) > 0 {
		// Called, it panics as Go's method (*T).M of a nil *T does
		// (nilreceivers.go).
		if value, ok = g.callingLiteral(s.Obj().(*types.Func).Signature(), value, nil, g.nilReceiverChecks("__goconc_b", sel.Sel.Name, ts)); !ok {
			return
		}
	}
	g.r.Replace(sel, func() string {
		var b strings.Builder
		b.WriteString("func(__goconc_r " + recvText + ") " + funcText + " { ")
		for _, p := range nils {
			b.WriteString("if " + p + " == nil { " + HooksName + ".NilDereference() }; ")
		}
		b.WriteString("__goconc_b := " + bind + "; return " + value + " }(" + g.r.Source(sel.X) + ")")
		return b.String()
	})
}

// callingLiteral returns a function literal of signature sig (without
// its receiver) that calls fn, an expression, with its arguments, and
// returns its results; spread, if not nil, writes the slice of a variadic
// function's last parameter as the call gets it; first, if not "", are
// statements the literal runs before the call.
func (g *gen) callingLiteral(sig *types.Signature, fn string, spread func(string) string, first string) (string, bool) {
	var params, args, results []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		name := "__goconc_p" + strconv.Itoa(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = t.(*types.Slice).Elem()
			text, ok := g.localType(t)
			if !ok {
				return "", false
			}
			arg := name
			if spread != nil {
				arg = spread(name)
			}
			params, args = append(params, name+" ..."+text), append(args, arg+"...")
			continue
		}
		text, ok := g.localType(t)
		if !ok {
			return "", false
		}
		params, args = append(params, name+" "+text), append(args, name)
	}
	results, ok := g.localTypes(sig.Results())
	if !ok {
		return "", false
	}
	call := fn + "(" + strings.Join(args, ", ") + ")"
	if len(results) > 0 {
		call = "return " + call
	}
	if first != "" {
		call = first + "; " + call
	}
	return "func(" + strings.Join(params, ", ") + ") (" + strings.Join(results, ", ") + ") { " + call + " }", true
}
