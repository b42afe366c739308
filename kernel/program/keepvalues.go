package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// keepValues gives the values a context, a sync.Map, an atomic.Value or a
// container/list holds for the notebook their types:
//
//	ctx = context.WithValue(ctx, userKey, RequestID("r1"))
//	id := ctx.Value(userKey)
//
// become
//
//	ctx = context.WithValue(ctx, __goconc.Keep([]any{userKey}), __goconc.Keep([]any{RequestID("r1")}))
//	id := func() (__goconc_r any) { __goconc.Unkeep(&__goconc_r, ctx.Value(__goconc.Keep([]any{userKey}))); return }()
//
// The interpreter hands compiled code a value of the notebook's without
// its box: stored there, a RequestID came back a string (not a RequestID
// to an assertion), and a key of type ctxKey found a value stored under
// the string of the same text, where Go's keys differ by type. Keep, given
// the value inside a []any (where the interpreter keeps its box), stores
// the type's name with the value; Unkeep gives the box back to the cell.
// The callbacks of sync.Map's Range get theirs back first thing. (A list
// element's Value is keepElementWrites' and keepElementReads'.)
//
// A context names its keys and values when printed, and Go's names a
// struct's type (WithValue(main.userKey, ...)): the notebook's structs
// (and pointers to them) go through Keep too in a context, which names
// them, where the interpreter's type spelled struct { Xid int ... }.
func (g *gen) keepValues() {
	printed := g.printedPairs()
	boxed, structs := g.hasBoxedTypes(), g.hasStructTypes()
	if !boxed && !structs {
		return
	}
	g.calls(func(call *ast.CallExpr, name string) {
		if g.contextValue(call) {
			name = "(context.Context).Value"
		}
		inContext := structs && (name == "context.WithValue" || name == "(context.Context).Value")
		if !boxed && !inContext {
			return
		}
		for _, i := range keptArgs[name] {
			if i < len(call.Args) && (g.mayBeBoxed(call.Args[i]) || inContext && g.structValue(call.Args[i])) {
				g.r.Before(call.Args[i], HooksName+".Keep([]any{")
				g.r.After(call.Args[i], "})")
			}
		}
		switch keptResults[name] {
		case 1:
			// In a slice, as keepResultBoxes hands on a call's
			// result: passed on to a compiled function (a print, a
			// hook), the result of the literal's call lost its box.
			g.r.Before(call, "[]any{func() (__goconc_r any) { "+HooksName+".Unkeep(&__goconc_r, ")
			g.r.After(call, "); return }()}[0]")
		case 2:
			if p, ok := printed[call]; ok {
				g.printKeptPair(p, call)
				break
			}
			g.r.Before(call, "func() (__goconc_r any, __goconc_ok bool) { var __goconc_x any; __goconc_x, __goconc_ok = ")
			g.r.After(call, "; "+HooksName+".Unkeep(&__goconc_r, __goconc_x); return }()")
		}
		if name == "(*sync.Map).Range" && len(call.Args) == 1 {
			g.unkeepParams(call.Args[0])
		}
	})
}

// keptArgs gives the functions that store values, and which arguments.
var keptArgs = map[string][]int{
	"context.WithValue":              {1, 2},
	"(context.Context).Value":        {0},
	"(*sync.Map).Store":              {0, 1},
	"(*sync.Map).Load":               {0},
	"(*sync.Map).LoadOrStore":        {0, 1},
	"(*sync.Map).LoadAndDelete":      {0},
	"(*sync.Map).Delete":             {0},
	"(*sync.Map).Swap":               {0, 1},
	"(*sync.Map).CompareAndSwap":     {0, 1, 2},
	"(*sync.Map).CompareAndDelete":   {0, 1},
	"(*atomic.Value).Store":          {0},
	"(*atomic.Value).Swap":           {0},
	"(*atomic.Value).CompareAndSwap": {0, 1},
	"(*list.List).PushBack":          {0},
	"(*list.List).PushFront":         {0},
	"(*list.List).InsertBefore":      {0},
	"(*list.List).InsertAfter":       {0},
}

// keptResults gives the functions that give stored values back: an any,
// or an any and a bool.
var keptResults = map[string]int{
	"(context.Context).Value":   1,
	"(*sync.Map).Load":          2,
	"(*sync.Map).LoadOrStore":   2,
	"(*sync.Map).LoadAndDelete": 2,
	"(*sync.Map).Swap":          2,
	"(*atomic.Value).Load":      1,
	"(*atomic.Value).Swap":      1,
	"(*list.List).Remove":       1,
}

// keepElementWrites keeps what is assigned to a container/list Element's
// Value, and keepElementReads gives back what is read from it:
//
//	e.Value = Task("b")
//	t := e.Value.(Task)
//
// become
//
//	e.Value = __goconc.Keep([]any{Task("b")})
//	t := []any{func() (__goconc_r any) { __goconc.Unkeep(&__goconc_r, e.Value); return }()}[0].(Task)
//
// (The list's methods that take and return values are keepValues'.) The
// writes are kept before other rules box the value (Keep takes the box),
// the reads given back after the others wrapped them (%T, comparisons
// take the box). A Value whose address is taken is left as it is.
func (g *gen) keepElementWrites() {
	if !g.hasBoxedTypes() {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if n, ok := n.(*ast.AssignStmt); ok && n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, lhs := range n.Lhs {
				if g.elementValue(lhs) && g.mayBeBoxed(n.Rhs[i]) {
					g.r.Before(n.Rhs[i], HooksName+".Keep([]any{")
					g.r.After(n.Rhs[i], "})")
				}
			}
		}
		return true
	})
}

// keepElementReads: see keepElementWrites.
func (g *gen) keepElementReads() {
	if !g.hasBoxedTypes() {
		return
	}
	written := map[ast.Expr]bool{}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				written[ast.Unparen(lhs)] = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				written[ast.Unparen(n.X)] = true
			}
		case *ast.SelectorExpr:
			if !written[n] && g.elementValue(n) {
				// (In a slice's element: see keepResultBoxes.)
				g.r.Before(n, "[]any{func() (__goconc_r any) { "+HooksName+".Unkeep(&__goconc_r, ")
				g.r.After(n, "); return }()}[0]")
			}
		}
		return true
	})
}

// elementValue reports whether e is the Value field of a container/list
// Element.
func (g *gen) elementValue(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Value" {
		return false
	}
	s := g.c.info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && s.Obj().Pkg() != nil && s.Obj().Pkg().Path() == "container/list"
}

// mayBeBoxed reports whether e is an interface, or a value of a notebook
// type the interpreter boxes.
func (g *gen) mayBeBoxed(e ast.Expr) bool {
	t := g.c.info.TypeOf(e)
	return t != nil && !g.c.info.Types[e].IsNil() && (isInterface(t) || g.boxedValue(t))
}

// structValue reports whether e is a value of one of the notebook's
// struct types, or a pointer to one (not nil).
func (g *gen) structValue(e ast.Expr) bool {
	t := g.c.info.TypeOf(e)
	return t != nil && !g.c.info.Types[e].IsNil() && g.notebookStruct(t)
}

// unkeepParams makes the Range callback f get its key and value back:
// a function literal first thing in its body, another function through
// one that does.
func (g *gen) unkeepParams(f ast.Expr) {
	if lit, ok := ast.Unparen(f).(*ast.FuncLit); ok {
		var b strings.Builder
		for _, field := range lit.Type.Params.List {
			for _, id := range field.Names {
				if id.Name != "_" {
					b.WriteString(HooksName + ".Unkeep(&" + id.Name + ", " + id.Name + "); ")
				}
			}
		}
		if b.Len() > 0 {
			g.r.At(lit.Body, lit.Body.Lbrace+1, " "+b.String())
		}
		return
	}
	g.r.Before(f, "func(__goconc_k, __goconc_v any) bool { "+HooksName+".Unkeep(&__goconc_k, __goconc_k); "+HooksName+".Unkeep(&__goconc_v, __goconc_v); return (")
	g.r.After(f, ")(__goconc_k, __goconc_v) }")
}

// contextValue reports whether call is ctx.Value(key) on a context.Context
// (the method of an interface: calleeName names its receiver by the
// interface's methods).
func (g *gen) contextValue(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Value" {
		return false
	}
	n, ok := types.Unalias(g.c.info.TypeOf(sel.X)).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// printedPairs returns the calls of two kept results that are all a
// print prints (fmt.Println(m.Load("r")), fmt.Sprintln(m.Load("r"))),
// with the print's call.
func (g *gen) printedPairs() map[*ast.CallExpr]*ast.CallExpr {
	out := map[*ast.CallExpr]*ast.CallExpr{}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		p, ok := n.(*ast.CallExpr)
		if !ok || len(p.Args) != 1 || p.Ellipsis.IsValid() {
			return true
		}
		if at, ok := printOperands[g.calleeName(p.Fun)]; !ok || at != 0 {
			return true
		}
		if inner, ok := ast.Unparen(p.Args[0]).(*ast.CallExpr); ok && keptResults[g.calleeName(inner.Fun)] == 2 {
			out[inner] = p
		}
		return true
	})
	return out
}

// printKeptPair writes the print p, which prints the two kept results of
// call, as a print of two variables:
//
//	fmt.Println(m.Load("r"))
//
// becomes
//
//	func() (int, error) { __goconc_r, __goconc_ok := func() (...) { ...; __goconc.Unkeep(&__goconc_r, __goconc_x); return }(); return fmt.Println(__goconc.Fields(__goconc_r, ...), __goconc_ok) }()
//
// Handed straight on to the print, the results of the function literal
// lost the interpreter's box, and a reqID(9) printed 9 for req-9; a
// variable keeps it.
func (g *gen) printKeptPair(p *ast.CallExpr, call *ast.CallExpr) {
	var results []string
	switch t := g.c.info.TypeOf(p).(type) {
	case *types.Tuple:
		var ok bool
		if results, ok = g.localTypes(t); !ok {
			return
		}
	case nil:
	default:
		text, ok := g.localType(t)
		if !ok {
			return
		}
		results = append(results, text)
	}
	value := "__goconc_r"
	if tail, ok := g.fieldsTail(types.Universe.Lookup("any").Type(), fmtUse{}); ok {
		value = HooksName + ".Fields(__goconc_r" + tail + ")"
	}
	bind := func() string {
		// (The call by its parts: in a defer statement, the call itself
		// is replaced by the variables.)
		return "__goconc_r, __goconc_ok := func() (__goconc_r any, __goconc_ok bool) { var __goconc_x any; __goconc_x, __goconc_ok = " +
			g.r.SourceRange(call.Pos(), call.Rparen) + "); " + HooksName + ".Unkeep(&__goconc_r, __goconc_x); return }(); "
	}
	if stmt := g.goAndDeferCalls()[p]; stmt != nil {
		// (defer fmt.Println(m.Load("r")): the results are the defer
		// statement's, taken where it stands, in a block around it.)
		g.bindAround(stmt, bind)
		g.r.Replace(call, func() string { return value + ", __goconc_ok" })
		return
	}
	g.r.Replace(p, func() string {
		ret := ""
		if len(results) > 0 {
			ret = "return "
		}
		return "func() (" + strings.Join(results, ", ") + ") { " + bind() + ret + g.r.Source(p.Fun) + "(" + value + ", __goconc_ok) }()"
	})
}
