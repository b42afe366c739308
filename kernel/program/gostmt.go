package program

import (
	"fmt"
	"github.com/goconc/goconc/kernel/generics"
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// rewriteGo wraps every go statement so that the new goroutine is
// registered (its name, start position and parent) and recovers its panic
// into a report instead of killing the process. The function value and the
// arguments are evaluated at the go statement, as Go requires:
//
//	go s.worker(i, <-ch)
//
// becomes
//
//	{ f, a0, a1 := s.worker, i, <-ch; p := hooks.GoSelf()
//	  go func() { defer func() { hooks.GoExit(recover()) }(); hooks.GoEnter(p, "s.worker", "[5]:7", a0, a1); f(a0, a1) }() }
func (g *gen) rewriteGo() {
	g.walk(func(n ast.Node) bool {
		gs, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		g.r.Replace(gs, func() string { return g.goStmt(gs) })
		return true
	})
}

func (g *gen) goStmt(gs *ast.GoStmt) string {
	r := g.r
	call := gs.Call
	fun := ast.Unparen(call.Fun)
	pos := g.c.fset.Position(gs.Pos())
	where := fmt.Sprintf("%s:%d", pos.Filename, pos.Line)
	if lit, ok := fun.(*ast.FuncLit); ok && len(call.Args) == 0 && lit.Type.Params.NumFields() == 0 && lit.Type.Results.NumFields() == 0 {
		// go func() { body }(): the body goes into the function that
		// starts the goroutine, which never returns: a literal made
		// apart and called from it would cost the interpreter a copy of
		// the enclosing frame and a call level (8 KB more stack) in each
		// goroutine. A body that defers calls cannot share a frame with
		// GoExit's deferred call (when a deferred call panics, Yaegi runs
		// no other of its frame): the hook GoFunc starts it from compiled
		// code, whose deferred recover always runs; the literal is made in
		// a call of its own, as wrapClosures makes those passed to wg.Go.
		parent := r.Temp("gp")
		if hasDefer(lit.Body) {
			return fmt.Sprintf("{ %s := %s.GoSelf(); %s.GoFunc(%s, %s, func() func() { return func() {%s} }()) }",
				parent, HooksName, HooksName, parent, strconv.Quote(where), g.bodyText(lit.Body))
		}
		return fmt.Sprintf("{ %s := %s.GoSelf(); go func() { defer func() { %s.GoExit(recover()) }(); %s.GoEnter(%s, \"func\", %s, \"\"); %s }() }",
			parent, HooksName, HooksName, HooksName, parent, strconv.Quote(where), g.bodyText(lit.Body))
	}

	var temps, values []string
	capture := func(prefix, expr string) string {
		t := r.Temp(prefix)
		temps = append(temps, t)
		values = append(values, expr)
		return t
	}

	callee := r.Source(fun)
	// An instance of generic code is named after the user's function:
	// Merge, not Mergeᐸintᐳ.
	name := generics.Origin(r.Original(fun))
	switch {
	case g.isBuiltin(fun), g.isStaticFunc(fun):
		// Naming the function again later gives the same function.
	default:
		if _, lit := fun.(*ast.FuncLit); lit {
			name = "func"
		}
		callee = capture("gf", callee)
	}
	if len(name) > 40 {
		name = name[:37] + "..."
	}

	var args, texts []string
	for _, a := range call.Args {
		t := strings.Join(strings.Fields(r.Original(a)), " ")
		if len(t) > 16 {
			t = t[:15] + "…"
		}
		texts = append(texts, t)
	}
	if len(call.Args) == 1 {
		if tup, ok := g.c.info.Types[call.Args[0]].Type.(*types.Tuple); ok && tup.Len() > 1 {
			// go f(g()): g's results become f's arguments.
			var ts []string
			for i := 0; i < tup.Len(); i++ {
				t := r.Temp("ga")
				ts = append(ts, t)
			}
			temps = append(temps, strings.Join(ts, ", "))
			values = append(values, r.Source(call.Args[0]))
			args = ts
		}
	}
	if args == nil {
		for _, a := range call.Args {
			if tv, ok := g.c.info.Types[a]; ok && (tv.Value != nil || tv.IsNil()) {
				// A constant, or nil: "ga := nil" is no Go, and the
				// interpreter panicked on it ("nil reflect type"). A
				// constant gets its parameter's type, which go/types
				// gave it: through GoCall's interfaces, 1234 was an int
				// for an int64 ("reflect: Call using int as type int64",
				// Go's test/fixedbugs/bug084.go).
				if typ, ok := g.localType(tv.Type); ok && tv.Value != nil && !isUntyped(tv.Type) {
					args = append(args, typ+"("+r.Source(a)+")")
					continue
				}
				args = append(args, r.Source(a))
				continue
			}
			args = append(args, capture("ga", r.Source(a)))
		}
	}
	ell := ""
	if call.Ellipsis.IsValid() {
		ell = "..."
	}
	parent := r.Temp("gp")
	var b strings.Builder
	b.WriteString("{ ")
	if len(temps) > 0 {
		b.WriteString(defineAll(temps, values) + "; ")
	}
	fmt.Fprintf(&b, "%s := %s.GoSelf(); ", parent, HooksName)
	if g.compiledLaunch(call, fun) {
		// Started from compiled code, the function runs one level of the
		// interpreter's calls less deep: half the stack a goroutine.
		fmt.Fprintf(&b, "%s.GoCall(%s, %s, %s, %s, %s", HooksName, parent, strconv.Quote(name), strconv.Quote(where),
			strconv.Quote(strings.Join(texts, "\x1f")), callee)
		for _, a := range args {
			b.WriteString(", " + a)
		}
		b.WriteString(") }")
		return b.String()
	}
	fmt.Fprintf(&b, "go func() { defer func() { %s.GoExit(recover()) }(); %s.GoEnter(%s, %s, %s, %s",
		HooksName, HooksName, parent, strconv.Quote(name), strconv.Quote(where), strconv.Quote(strings.Join(texts, "\x1f")))
	for _, a := range args {
		b.WriteString(", " + a)
	}
	fmt.Fprintf(&b, "); %s(%s%s) }() }", callee, strings.Join(args, ", "), ell)
	return b.String()
}

// compiledLaunch reports whether a go statement's call can be made by the
// hook GoCall, which passes the function and its arguments through
// interface values: not a builtin, not f(xs...), and no parameter of an
// interface type (an interpreted value in an interface is not handed over
// as the interpreter holds it).
func (g *gen) compiledLaunch(call *ast.CallExpr, fun ast.Expr) bool {
	if g.isBuiltin(fun) || call.Ellipsis.IsValid() {
		return false
	}
	sig, ok := g.c.info.TypeOf(fun).Underlying().(*types.Signature)
	if !ok || sig.TypeParams().Len() > 0 {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = t.(*types.Slice).Elem()
		}
		if types.IsInterface(t) {
			return false
		}
	}
	return true
}

// hasDefer reports whether a function body defers a call (in its own
// frame: not in the function literals it holds).
func hasDefer(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.DeferStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// isBuiltin reports whether e names a builtin function such as close.
func (g *gen) isBuiltin(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = g.c.info.Uses[id].(*types.Builtin)
	return ok
}

// isStaticFunc reports whether e names a package-level function (possibly
// instantiated), whose value does not change between the go statement and
// the call.
func (g *gen) isStaticFunc(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.IndexExpr:
		return g.isStaticFunc(x.X)
	case *ast.IndexListExpr:
		return g.isStaticFunc(x.X)
	case *ast.Ident:
		f, ok := g.c.info.Uses[x].(*types.Func)
		return ok && f.Type().(*types.Signature).Recv() == nil
	case *ast.SelectorExpr:
		if _, isPkg := g.c.info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
			return true
		}
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}
