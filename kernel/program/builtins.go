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
						if g.builtinOfResults(x, b.Name()) {
							return true
						}
						switch b.Name() {
						case "min", "max":
							g.minMax(x, b.Name())
						case "len", "cap":
							g.arrayLenOfCall(x)
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
							hook, frame := "Recovered(", ""
							if body := g.recoverBodies[x]; body != nil && fn == g.recoverers()[x] {
								// Only the deferred call's own frame takes
								// the panic, not a call it makes of fn.
								hook, frame = "RecoveredIn(", ", __goconc_rf"
								if !g.framed[body] {
									if g.framed == nil {
										g.framed = map[*ast.BlockStmt]bool{}
									}
									g.framed[body] = true
									g.prologue(body, " __goconc_rf := "+HooksName+".RecoverFrame("+strconv.Quote(fn)+"); ")
								}
							}
							if g.guardTakes[x] {
								g.r.Before(x, HooksName+"."+hook+deferGuardName+".Take(")
								g.r.After(x, "), "+strconv.Quote(fn)+frame+")")
							} else {
								g.r.Before(x, HooksName+"."+hook)
								g.r.After(x, ", "+strconv.Quote(fn)+frame+")")
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

// arrayLenOfCall evaluates the operand of len or cap of an array (or of a
// pointer to one) that a call or a receive makes, as Go does:
//
//	len(*f())    func() int { __x1 := *f(); _ = __x1; return 4 }()
//
// Yaegi took the length from the type alone, and *f() of a nil pointer
// did not panic (Go's test/fixedbugs/issue72844.go). Without a call or a
// receive, len is a constant: Go evaluates nothing either.
func (g *gen) arrayLenOfCall(call *ast.CallExpr) {
	if len(call.Args) != 1 || g.c.info.Types[call].Value != nil {
		return
	}
	arg := call.Args[0]
	t := g.c.info.TypeOf(arg)
	if t == nil {
		return
	}
	n, ok := arrayOrPointerLen(t)
	if !ok {
		return
	}
	tmp := g.r.Temp("x")
	g.r.Replace(call, func() string {
		return fmt.Sprintf("func() int { %s := %s; _ = %s; return %d }()", tmp, g.r.Source(arg), tmp, n)
	})
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
		var args []string
		for _, a := range call.Args {
			args = append(args, g.r.Source(a))
		}
		return g.minMaxText(typ, cmp, args)
	})
}

// minMaxText writes min or max (cmp "<" or ">") of args, of type typ.
func (g *gen) minMaxText(typ, cmp string, args []string) string {
	m, v := g.r.Temp("m"), g.r.Temp("v")
	var b strings.Builder
	fmt.Fprintf(&b, "func() %s { %s := %s(%s); ", typ, m, typ, args[0])
	for _, a := range args[1:] {
		fmt.Fprintf(&b, "if %s := %s(%s); %s != %s || %s %s %s { %s = %s }; ", v, typ, a, v, v, v, cmp, m, m, v)
	}
	fmt.Fprintf(&b, "return %s }()", m)
	return b.String()
}

// builtinOfResults writes a builtin's call whose one operand is a call of
// several results (copy(f()), delete(h()), complex(parts()), min(two()))
// as a call of the results, taken first:
//
//	copy(f(a))    func() int { __r1, __r2 := f(a); return copy(__r1, __r2) }()
//
// The interpreter panicked while it compiled the cell ("CFG post-order
// panic: index out of range"; Go's test/fixedbugs/issue15992.go).
func (g *gen) builtinOfResults(call *ast.CallExpr, name string) bool {
	if len(call.Args) != 1 {
		return false
	}
	tup, ok := g.c.info.TypeOf(call.Args[0]).(*types.Tuple)
	if !ok || tup.Len() < 2 {
		return false
	}
	result := ""
	if t := g.c.info.TypeOf(call); t != nil {
		if _, none := t.(*types.Tuple); !none {
			if result, ok = g.localType(t); !ok {
				return false
			}
		}
	}
	switch name {
	case "copy", "delete", "append", "complex", "min", "max":
	default:
		return false
	}
	g.r.Replace(call, func() string {
		var rs []string
		for range tup.Len() {
			rs = append(rs, g.r.Temp("r"))
		}
		take := strings.Join(rs, ", ") + " := " + g.r.Source(call.Args[0])
		var use string
		switch name {
		case "min", "max":
			cmp := "<"
			if name == "max" {
				cmp = ">"
			}
			use = g.minMaxText(result, cmp, rs)
		default:
			use = name + "(" + strings.Join(rs, ", ") + ")"
		}
		if result == "" {
			return fmt.Sprintf("func() { %s; %s }()", take, use)
		}
		return fmt.Sprintf("func() %s { %s; return %s }()", result, take, use)
	})
	return true
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
	results, ok := g.localTypes(sig.Results())
	if !ok {
		return
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
	if check := g.nilValueReceiver(s, args[0]); check != "" {
		call = check + "; " + ret + call
		ret = ""
	}
	text := fmt.Sprintf("func(%s) %s { %s%s }", strings.Join(params, ", "), result, ret, call)
	g.r.Replace(sel, func() string { return text })
}

// nilValueReceiver returns the check that method expression s, (*T).M of
// a method M with a value receiver, makes of its receiver recv: Go's
// wrapper panics with "value method main.T.M called using nil *T
// pointer" (the interpreter dereferenced it: invalid memory address).
func (g *gen) nilValueReceiver(s *types.Selection, recv string) string {
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return ""
	}
	p, ok := s.Recv().(*types.Pointer)
	if !ok {
		return ""
	}
	if _, ptr := fn.Signature().Recv().Type().(*types.Pointer); ptr {
		return ""
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok {
		return ""
	}
	return "if " + recv + " == nil { " + HooksName + ".ValueMethodNil(" + strconv.Quote(g.goName(n)+"."+fn.Name()) + ", " + strconv.Quote(n.Obj().Name()) + ") }"
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
