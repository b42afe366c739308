package program

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
)

// rewriteDefers makes deferred calls mean what Go says they mean.
//
// The arguments are evaluated at the defer statement: Yaegi v0.16.1 reads
// them when the call runs, so
//
//	x := 1; defer fmt.Println(x); x = 2
//
// would print 2. Each argument goes into a variable of its own first:
//
//	{ __a1 := x; defer fmt.Println(__a1) }
//
// A defer in a block defers to the end of the function all the same.
// Constant arguments need no copy.
//
// A deferred call of a notebook function or method that calls recover()
// can recover: in Go, recover() in handle stops the panic in
//
//	defer handle()
//
// Yaegi finds the panic only from a function literal deferred in place; a
// notebook function is a function value to it (see emit.go), and its
// recover() returned nil. The call is made from such a literal, which
// takes the panic, if any, and hands it to the recover() of the called
// function (the evaluator's Recovered); if it does not take it, it is
// raised again:
//
//	{ __a1 := who; defer func() { __p := DeferredPanic(recover(), "main.handle"); defer __p.Pop(); handle(__a1); __p.Repanic() }() }
//
// Only the recover() of handle itself takes it (Recovered is given the
// name of the function it is in): one in a function handle calls does
// not, as in Go.
//
// Only functions whose body calls recover() are called so (only those can
// recover, in Go). A function value that recovers (f := handle; defer
// f()) still cannot.
//
// In a function with more than one deferred call, each runs through the
// function's guard (guardDefers), so that one that panics does not keep
// the others from running.
func (g *gen) rewriteDefers() {
	inRangeFunc := g.rangeFuncDefers()
	guarded := g.guardDefers(inRangeFunc)
	g.markUnwindings(inRangeFunc, guarded)
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			ds, ok := n.(*ast.DeferStmt)
			if !ok || inRangeFunc[ds] {
				return true // rangeFuncs defers those its own way
			}
			guard := guarded[ds]
			copyArgs := g.hasVariableArgs(ds.Call) || guard && !g.hasTupleArg(ds.Call)
			hand := g.mayRecover(ds.Call)
			// defer b.Close(): the receiver too is evaluated at the
			// defer (Yaegi read b when the call ran).
			sel, _ := ast.Unparen(ds.Call.Fun).(*ast.SelectorExpr)
			method := sel != nil && g.c.info.Selections[sel] != nil && g.c.info.Selections[sel].Kind() == types.MethodVal && !hand
			hoist := g.closesOverLoopVars(fd.Body, ds)
			if !copyArgs && !hand && !guard && !method && !hoist {
				return true
			}
			g.r.Replace(ds, func() string {
				_, lit := ast.Unparen(ds.Call.Fun).(*ast.FuncLit)
				if guard && lit && len(ds.Call.Args) == 0 && !hoist {
					// Made where it stands, in the deferring frame, where
					// Yaegi's recover() finds the panic.
					return "defer " + deferGuardName + ".Run(" + g.r.Source(ds.Call.Fun) + ")"
				}

				var tmps, vals, args, types_ []string
				typed := true // the temporaries' types, for a guarded call
				// tempOf copies src, the text of e or of a value read
				// through it, of type typ, at the defer.
				tempOf := func(prefix string, e ast.Expr, src string, typ types.Type) string {
					t := g.r.Temp(prefix)
					tmps, vals = append(tmps, t), append(vals, src)
					text, ok := g.localType(typ)
					// A value another rewrite made into a hook's call
					// may be of another type (json's any): no guard.
					typed = typed && ok && g.r.Range(g.r.Offset(e.Pos()), g.r.Offset(e.End())) == g.r.Text(e)
					types_ = append(types_, t+" "+text)
					return t
				}
				temp := func(prefix string, e ast.Expr, addr bool) string {
					src, typ := g.r.Source(e), g.c.info.TypeOf(e)
					if addr {
						src, typ = "&"+src, types.NewPointer(typ)
					}
					return tempOf(prefix, e, src, typ)
				}
				for _, a := range ds.Call.Args {
					// A constant or nil needs no copy ("__a1 := nil" is
					// no Go: the interpreter panicked, "nil reflect type").
					if tv, ok := g.c.info.Types[a]; !copyArgs || ok && (tv.Value != nil || tv.IsNil()) {
						args = append(args, g.r.Source(a))
						continue
					}
					args = append(args, temp("a", a, false))
				}
				ell := ""
				if ds.Call.Ellipsis.IsValid() {
					ell = "..."
				}
				fun := g.r.Source(ds.Call.Fun)
				switch f := ast.Unparen(ds.Call.Fun).(type) {
				case *ast.SelectorExpr:
					if sel := g.c.info.Selections[f]; !hand && sel != nil && sel.Kind() == types.MethodVal {
						// The receiver is evaluated at the defer. (Yaegi's
						// method value mu.Unlock of a compiled type is a
						// func(*sync.Mutex).)
						// A pointer method of an addressable value
						// (s.mu.Unlock()) is called on its address.
						_, isPtr := g.c.info.TypeOf(f.X).Underlying().(*types.Pointer)
						ptrRecv := false
						if fn, ok := sel.Obj().(*types.Func); ok {
							_, ptrRecv = fn.Signature().Recv().Type().(*types.Pointer)
						}
						if src, typ, ok := g.valueReceiver(f, sel); ok && !ptrRecv {
							// defer p.print() of a value method: Go
							// copies *p at the defer (a later p.id = x
							// is not seen; a nil p panics there).
							fun = tempOf("r", f.X, src, typ) + "." + f.Sel.Name
							break
						}
						recv := temp("r", f.X, ptrRecv && !isPtr && !types.IsInterface(g.c.info.TypeOf(f.X)))
						fun = recv + "." + f.Sel.Name
						if lit, ok := g.checkingLiteral(f, g.deferChecks[ds.Call]); ok && len(g.deferChecks[ds.Call]) > 0 {
							// An interface's method, which may hold a
							// nil *T whose method panics (nilreceivers.go).
							fun, args = lit, append([]string{recv}, args...)
						}
						break
					}
					if sel := g.c.info.Selections[f]; (hand || guard) && sel != nil {
						fun = temp("f", ds.Call.Fun, false) // (a field's function, a method value)
					}
				case *ast.FuncLit:
					// defer func(k string) { ... }("x"): called through
					// the guard with its arguments read at the defer, as
					// a function's call is. One that recovers is deferred
					// where it stands: Yaegi's recover() finds the panic
					// only from there (inside a literal of the guard's,
					// the same).
					if g.callsBuiltin(f.Body, "recover") {
						guard = false
					}
					if hoist {
						// Its type is its signature, whatever other
						// rewrites made of its text.
						wasTyped := typed
						fun = temp("f", ds.Call.Fun, false)
						_, sigOK := g.localType(g.c.info.TypeOf(ds.Call.Fun))
						typed = wasTyped && sigOK
					}
				default:
					if (hand || guard) && !g.isNotebookFunc(ds.Call.Fun) && !g.isBuiltin(f) {
						// The function value too is evaluated at the defer.
						fun = temp("f", ds.Call.Fun, false)
					}
				}
				call := fmt.Sprintf("%s(%s%s)", fun, strings.Join(args, ", "), ell)
				if guard && typed {
					// The temporaries are the arguments of a deferred
					// literal, which Yaegi reads at the defer (a
					// closure would read the variable of the last
					// iteration of a loop), and whose recover() finds
					// the panic.
					pre, post := "", ""
					if hand {
						p := g.r.Temp("p")
						pre = fmt.Sprintf("%s := %s.DeferredPanic(%s.Take(recover()), %s); defer %s.Pop(); ",
							p, HooksName, deferGuardName, strconv.Quote(g.recoveringName(ds.Call)), p)
						post = "; " + p + ".Repanic()"
					}
					deferred := fmt.Sprintf("defer func(%s) { %s%s.Run(func() { %s%s }) }(%s)",
						strings.Join(types_, ", "), pre, deferGuardName, call, post, strings.Join(tmps, ", "))
					if len(tmps) == 0 {
						return deferred
					}
					return fmt.Sprintf("{ %s; %s }", defineAll(tmps, vals), deferred)
				}
				if hand {
					p := g.r.Temp("p")
					call = fmt.Sprintf("func() { %s := %s.DeferredPanic(recover(), %s); defer %s.Pop(); %s; %s.Repanic() }()",
						p, HooksName, strconv.Quote(g.recoveringName(ds.Call)), p, call, p)
				}
				if lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit); ok && hoist && g.callsBuiltin(lit.Body, "recover") {
					if !typed {
						// As written, where its recover() works: it
						// sees the last iteration's variables.
						return "defer " + g.r.Source(ds.Call)
					}
					// The literal and its arguments are the deferred
					// literal's arguments: it reads them at the defer.
					p := g.r.Temp("p")
					return fmt.Sprintf("{ %s; defer func(%s) { %s := %s.RangeDefers(recover()); defer %s.Pop(); %s.AllowRecover(%s); %s; %s.Repanic() }(%s) }",
						defineAll(tmps, vals), strings.Join(types_, ", "), p, HooksName, p, HooksName, strconv.Quote(rangeDeferRecover), call, p, strings.Join(tmps, ", "))
				}
				if len(tmps) == 0 {
					return "defer " + call
				}
				if method && typed && len(g.loopsAround(fd.Body, ds)) > 0 {
					// defer r.Close() in a loop: the receiver and the
					// arguments are a deferred literal's, which Yaegi
					// reads at the defer; a method value it makes when
					// the call runs, from the temporaries of the last
					// iteration (every call closed the last r).
					return fmt.Sprintf("{ %s; defer func(%s) { %s }(%s) }", defineAll(tmps, vals), strings.Join(types_, ", "), call, strings.Join(tmps, ", "))
				}
				return fmt.Sprintf("{ %s; defer %s }", defineAll(tmps, vals), call)
			})
			return true
		})
	}
}

// valueReceiver gives the text and type of the value a method of sel
// with a value receiver is called on, when reaching it from f.X reads
// through a pointer: f.X itself a pointer (*p), or an embedded field on
// the way one ((*o.Inner) for o.print promoted from an embedded *Inner).
// Go reads that value when the method value is made, at a defer; the
// interpreter read it when the call ran.
func (g *gen) valueReceiver(f *ast.SelectorExpr, sel *types.Selection) (string, types.Type, bool) {
	t := g.c.info.TypeOf(f.X)
	if types.IsInterface(t) {
		return "", nil, false
	}
	if _, ok := t.(*types.TypeParam); ok {
		return "", nil, false
	}
	src, through := g.r.Source(f.X), false
	path := sel.Index()
	for _, i := range path[:len(path)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t, through = p.Elem(), true
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			return "", nil, false
		}
		src, t = src+"."+st.Field(i).Name(), st.Field(i).Type()
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		src, t, through = "*("+src+")", p.Elem(), true
	}
	if !through {
		return "", nil, false // a copy of f.X is the value already
	}
	if _, ok := t.(*types.Named); !ok {
		return "", nil, false
	}
	return src, t, true
}

// closesOverLoopVars reports whether ds, in body, defers a function
// literal that does not call recover() and uses a variable declared in a
// loop around the defer statement:
//
//	for _, s := range xs { defer func() { fmt.Print(s) }() }
//
// Yaegi makes the closure when the deferred call runs, when the function
// returns, so each saw the last iteration's variable (z z z for Go's z y
// x). The literal is made at the defer, into a temporary, and the
// function value deferred. Yaegi's recover() finds the panic only from a
// literal deferred in place: one that calls recover() is called from such
// a literal, which takes the panic and leaves it for its recover(), as
// the defers of a range over a function do (rangefunc.go):
//
//	{ __f1 := func() { log(recover(), s) }; defer func() { __p := RangeDefers(recover()); defer __p.Pop(); AllowRecover(...); __f1(); __p.Repanic() }() }
func (g *gen) closesOverLoopVars(body *ast.BlockStmt, ds *ast.DeferStmt) bool {
	// (Asked by rewriteDefers and rangeDeferRecovers: found once.)
	if found, ok := g.loopClosures[ds]; ok {
		return found
	}
	found := g.findLoopClosure(body, ds)
	if g.loopClosures == nil {
		g.loopClosures = map[*ast.DeferStmt]bool{}
	}
	g.loopClosures[ds] = found
	return found
}

func (g *gen) findLoopClosure(body *ast.BlockStmt, ds *ast.DeferStmt) bool {
	lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	loops := g.loopsAround(body, ds)
	if len(loops) == 0 {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		v, ok := g.c.info.Uses[id].(*types.Var)
		if !ok || v.IsField() || lit.Pos() <= v.Pos() && v.Pos() < lit.End() {
			return true
		}
		for _, l := range loops {
			if l.Pos() <= v.Pos() && v.Pos() < l.End() {
				found = true
			}
		}
		return true
	})
	return found
}

// loopsAround returns the for and range statements of body around ds.
func (g *gen) loopsAround(body *ast.BlockStmt, ds *ast.DeferStmt) []ast.Node {
	var loops []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= ds.Pos() && ds.End() <= n.End() {
				loops = append(loops, n)
			}
		}
		return n == nil || n.Pos() <= ds.Pos() && ds.End() <= n.End()
	})
	return loops
}

// hasTupleArg reports whether call's argument is a call of several
// results (f(g())).
func (g *gen) hasTupleArg(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	_, multi := g.c.info.TypeOf(call.Args[0]).(*types.Tuple)
	return multi
}

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
		if tv.Value == nil && !tv.IsNil() {
			variable = true
		}
	}
	return variable
}

// mayRecover reports whether a deferred call is of a notebook function or
// method whose body calls recover(). A call whose one argument is a
// multi-value call is left alone (see hasVariableArgs).
func (g *gen) mayRecover(call *ast.CallExpr) bool {
	if len(call.Args) == 1 {
		if tv, ok := g.c.info.Types[call.Args[0]]; ok {
			if _, multi := tv.Type.(*types.Tuple); multi {
				return false
			}
		}
	}
	return g.recoveringName(call) != ""
}

// recoveringName names, for the evaluator (DeferredPanic), the function
// whose recover() may take the panic a deferred call runs under: the
// notebook's function or method call calls, if it recovers; for a method
// of an interface (defer i.M()), each method of the notebook's types that
// implement it that recovers, split by "|", as the call's is known only
// when it runs (Go's test/recover.go). "" if none.
func (g *gen) recoveringName(call *ast.CallExpr) string {
	fun := ast.Unparen(call.Fun)
	if target := g.deferredValue(fun); target != nil {
		// defer handler(), handler := func() { recover() ... }
		if lit, ok := target.(*ast.FuncLit); ok {
			if g.callsBuiltin(lit.Body, "recover") {
				return g.literalName(lit)
			}
			return ""
		}
		fun = target
	}
	fn := g.calledFunc(&ast.CallExpr{Fun: fun})
	if fn == nil || fn.Pkg() != g.c.pkg {
		return ""
	}
	sel, _ := fun.(*ast.SelectorExpr)
	if s := g.c.info.Selections[sel]; sel != nil && s != nil && isInterface(s.Recv()) {
		iface, ok := s.Recv().Underlying().(*types.Interface)
		if !ok {
			return ""
		}
		var names []string
		scope := g.c.pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || isInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); !ok || n.TypeParams().Len() > 0 {
				continue
			}
			for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
				if !types.Implements(t, iface) {
					continue
				}
				obj, _, _ := types.LookupFieldOrMethod(t, true, g.c.pkg, sel.Sel.Name)
				if m, ok := obj.(*types.Func); ok && (g.recovers()[m] || g.declRecovers(m)) && !slices.Contains(names, m.FullName()) {
					names = append(names, m.FullName())
				}
			}
		}
		return strings.Join(names, "|")
	}
	if g.recovers()[fn] || g.declRecovers(fn) {
		return fn.FullName()
	}
	return ""
}

// calledFunc returns the function or method a call names (f(x), pkg.F(x),
// v.M(x)), or nil for a function value.
func (g *gen) calledFunc(call *ast.CallExpr) *types.Func {
	var obj types.Object
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = g.c.info.Uses[f]
	case *ast.SelectorExpr:
		if s := g.c.info.Selections[f]; s != nil && s.Kind() == types.MethodVal {
			obj = s.Obj()
		} else if s == nil {
			obj = g.c.info.Uses[f.Sel]
		}
	}
	fn, _ := obj.(*types.Func)
	return fn
}

// recovers returns the notebook's functions and methods whose bodies call
// recover() themselves (not in a function literal).
func (g *gen) recovers() map[*types.Func]bool {
	if g.recovering == nil {
		g.findRecovers()
	}
	return g.recovering
}

// recoverers returns, for each recover() call in the body of a notebook
// function or method (not in a function literal), the function's full
// name (main.handle, (*main.guard).catch).
func (g *gen) recoverers() map[*ast.CallExpr]string {
	if g.recovering == nil {
		g.findRecovers()
	}
	return g.recoverCalls
}

func (g *gen) findRecovers() {
	g.recovering, g.recoverCalls, g.recoverBodies = map[*types.Func]bool{}, map[*ast.CallExpr]string{}, map[*ast.CallExpr]*ast.BlockStmt{}
	for _, d := range g.c.file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		fn, ok := g.c.info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		for _, x := range g.recoverCallsIn(fd.Body) {
			g.recovering[fn] = true
			g.recoverCalls[x] = fn.FullName()
			g.recoverBodies[x] = fd.Body
		}
	}
	// Function literals deferred as the value of a variable.
	g.walk(func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeferStmt); ok {
			if lit, ok := g.deferredValue(ast.Unparen(ds.Call.Fun)).(*ast.FuncLit); ok {
				for _, x := range g.recoverCallsIn(lit.Body) {
					g.recoverCalls[x] = g.literalName(lit)
					g.recoverBodies[x] = lit.Body
				}
			}
		}
		return true
	})
}

// recoverCallsIn returns the recover() calls of body, not in a function
// literal.
func (g *gen) recoverCallsIn(body *ast.BlockStmt) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if g.isBuiltinNamed(x.Fun, "recover") {
				out = append(out, x)
			}
		}
		return true
	})
	return out
}

// isNotebookFunc reports whether e names one of the notebook's top-level
// functions, whose value a later statement of the function cannot change.
func (g *gen) isNotebookFunc(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	f, ok := g.c.info.Uses[id].(*types.Func)
	return ok && f.Pkg() == g.c.pkg && f.Parent() == g.c.pkg.Scope()
}

// rangeFuncDefers returns the defer statements of range-over-function
// bodies (not of function literals in them).
func (g *gen) rangeFuncDefers() map[*ast.DeferStmt]bool {
	out := map[*ast.DeferStmt]bool{}
	var walk func(n ast.Node, inBody bool)
	walk = func(n ast.Node, inBody bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch x := c.(type) {
			case *ast.FuncLit:
				if c != n {
					walk(x.Body, false)
					return false
				}
			case *ast.RangeStmt:
				if t := g.c.info.TypeOf(x.X); t != nil {
					if _, ok := t.Underlying().(*types.Signature); ok && c != n {
						walk(x.Body, true)
						return false
					}
				}
			case *ast.DeferStmt:
				if inBody {
					out[x] = true
				}
			}
			return true
		})
	}
	for _, fd := range g.rewritable() {
		walk(fd.Body, false)
	}
	return out
}

// declRecovers reports whether fn, one of the notebook's functions or
// methods declared in an earlier cell, calls recover() itself: this
// cell's check sees its declaration without a body. (A handler declared
// in one cell and deferred in a function literal of another let the panic
// go on.)
func (g *gen) declRecovers(fn *types.Func) bool { return g.declCalls(fn, "recover") }

// declCalls reports whether fn, one of the notebook's functions or methods
// declared in an earlier cell, calls the builtin named builtin itself.
func (g *gen) declCalls(fn *types.Func, builtin string) bool {
	key := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := t.(*types.Named)
		if !ok {
			return false
		}
		key = n.Obj().Name() + "." + key
	}
	for i := len(g.p.st.decls) - 1; i >= 0; i-- {
		d := g.p.st.decls[i]
		if (d.Kind == cell.Func || d.Kind == cell.Method) && slices.Contains(d.Keys, key) {
			return srcCalls(d.Src, builtin)
		}
	}
	return false
}

// srcCalls reports whether the function declared by src calls the builtin
// named builtin itself, not in a function literal.
func srcCalls(src, builtin string) bool {
	if !strings.Contains(src, builtin) {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+src, parser.SkipObjectResolution)
	if err != nil || len(f.Decls) == 0 {
		return false
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == builtin {
				found = true
			}
		}
		return true
	})
	return found
}
