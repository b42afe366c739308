package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// Yaegi v0.16.1 lacks the builtins min, max and clear (Go 1.21), and calls
// a method expression (T.m, (*T).m) with one argument too many. These
// rewrites give the same results with what it has:
//
//	min(a, b)    func() T { m := T(a); if v := T(b); v != v || v < m { m = v }; return m }()
//	clear(m)     ClearMap(m), a compiled hook
//	clear(s)     func(s S) { var z E; for i := range s { s[i] = z } }(s)
//	point.add    func(r point, p0 point) point { return r.add(p0) }
//
// (v != v is true for a NaN, which min and max return if any argument is
// one.) A constant min or max is foldConstants'.
func (g *gen) rewriteBuiltins() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
					if b, ok := g.c.info.Uses[id].(*types.Builtin); ok {
						switch b.Name() {
						case "min", "max":
							g.minMax(x, b.Name())
						case "clear":
							g.clear(x)
						case "print", "println":
							// Written to standard error as Go's runtime
							// writes them (see the evaluator's print).
							g.r.ReplaceRange(id.Pos(), id.End(), HooksName+"."+strings.ToUpper(b.Name()[:1])+b.Name()[1:])
						case "new":
							g.newValue(x)

						case "recover":
							// The evaluator words the value as Go's runtime
							// would, and keeps an interrupt going.
							// The function's name lets a deferred call
							// of it, and only it, take the panic (see
							// rewriteDefers).
							fn := g.recoverers()[x]
							if g.rangeDeferRecovers()[x] {
								fn = rangeDeferRecover
							}
							if g.guardTakes[x] {
								g.r.Before(x, HooksName+".Recovered("+deferGuardName+".Take(")
								g.r.After(x, "), "+strconv.Quote(fn)+")")
							} else {
								g.r.Before(x, HooksName+".Recovered(")
								g.r.After(x, ", "+strconv.Quote(fn)+")")
							}
						}
					}
				}
			case *ast.SelectorExpr:
				if s := g.c.info.Selections[x]; s != nil && s.Kind() == types.MethodExpr {
					g.methodExpr(x, s)
					return false
				}
			}
			return true
		})
	}
}

func (g *gen) minMax(call *ast.CallExpr, name string) {
	tv := g.c.info.Types[call]
	if tv.Value != nil {
		return // a constant: foldConstants writes its value
	}
	typ, ok := g.localType(tv.Type)
	if !ok {
		return
	}
	cmp := "<"
	if name == "max" {
		cmp = ">"
	}
	g.r.Replace(call, func() string {
		m, v := g.r.Temp("m"), g.r.Temp("v")
		var b strings.Builder
		fmt.Fprintf(&b, "func() %s { %s := %s(%s); ", typ, m, typ, g.r.Source(call.Args[0]))
		for _, a := range call.Args[1:] {
			fmt.Fprintf(&b, "if %s := %s(%s); %s != %s || %s %s %s { %s = %s }; ", v, typ, g.r.Source(a), v, v, v, cmp, m, m, v)
		}
		fmt.Fprintf(&b, "return %s }()", m)
		return b.String()
	})
}

// newValue rewrites new(expr) (Go 1.26: a pointer to a new variable
// holding expr's value), which the interpreter reads as new(T) with T
// zero, into a call that takes the value and returns its address.
func (g *gen) newValue(call *ast.CallExpr) {
	if len(call.Args) != 1 || g.c.info.Types[call.Args[0]].IsType() {
		return
	}
	ptr, ok := g.c.info.TypeOf(call).(*types.Pointer)
	if !ok {
		return
	}
	typ, ok := g.localType(ptr.Elem())
	if !ok {
		return
	}
	g.r.Replace(call, func() string {
		v := g.r.Temp("v")
		return fmt.Sprintf("func(%s %s) *%s { return &%s }(%s)", v, typ, typ, v, g.r.Source(call.Args[0]))
	})
}

func (g *gen) clear(call *ast.CallExpr) {
	t := g.c.info.TypeOf(call.Args[0])
	if t == nil {
		return
	}
	if _, ok := t.Underlying().(*types.Map); ok {
		// Not a loop of deletes: a NaN key cannot be deleted.
		g.r.ReplaceRange(call.Fun.Pos(), call.Fun.End(), HooksName+".ClearMap")
		return
	}
	typ, ok := g.localType(t)
	if !ok {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem, ok := g.localType(u.Elem())
		if !ok {
			return
		}
		g.r.Replace(call, func() string {
			s, i, z := g.r.Temp("s"), g.r.Temp("i"), g.r.Temp("z")
			return fmt.Sprintf("func(%s %s) { var %s %s; for %s := range %s { %s[%s] = %s } }(%s)", s, typ, z, elem, i, s, s, i, z, g.r.Source(call.Args[0]))
		})
	}
}

func (g *gen) methodExpr(sel *ast.SelectorExpr, s *types.Selection) {
	sig, ok := s.Type().(*types.Signature)
	if !ok {
		return
	}
	var params, args []string
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = t.(*types.Slice).Elem()
		}
		typ, ok := g.localType(t)
		if !ok {
			return
		}
		p := fmt.Sprintf("__goconc_p%d", i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			params = append(params, p+" ..."+typ)
			args = append(args, p+"...")
		} else {
			params = append(params, p+" "+typ)
			args = append(args, p)
		}
	}
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		typ, ok := g.localType(sig.Results().At(i).Type())
		if !ok {
			return
		}
		results = append(results, typ)
	}
	ret, result := "", ""
	switch len(results) {
	case 0:
	case 1:
		ret, result = "return ", results[0]
	default:
		ret, result = "return ", "("+strings.Join(results, ", ")+")"
	}
	// The first parameter is the receiver.
	call := fmt.Sprintf("%s.%s(%s)", args[0], sel.Sel.Name, strings.Join(args[1:], ", "))
	text := fmt.Sprintf("func(%s) %s { %s%s }", strings.Join(params, ", "), result, ret, call)
	g.r.Replace(sel, func() string { return text })
}

// arrayLengths writes len and cap of a pointer to an array that are not
// constants (len(f()), f returning a *[40]int) as a call of f and the
// array's length, nil or not: Yaegi dereferences the pointer. (Constant
// ones are foldConstants'.)
func (g *gen) arrayLengths() {
	g.walk(func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || g.c.info.Types[call].Value != nil {
			return true
		}
		if b := g.builtinOf(call); b == nil || b.Name() != "len" && b.Name() != "cap" {
			return true
		}
		if n, ok := arrayLen(g.c.info.TypeOf(call.Args[0])); ok {
			g.r.Replace(call, func() string {
				return fmt.Sprintf("func() int { _ = %s; return %d }()", g.r.Source(call.Args[0]), n)
			})
		}
		return true
	})
}
