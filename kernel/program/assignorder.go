package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// tupleAssigns gives an assignment of several places Go's two phases:
// first the index operands and pointers of the left side and the values of
// the right side are evaluated, then the places are assigned from left to
// right. Yaegi v0.16.1 assigns each place as soon as its value is known,
// so a later value or index sees the earlier assignment (Go's
// test/reorder.go):
//
//	x[1], y[0] = f(0), f(1)    f(1) read x[1] already changed
//	i, x[i] = 1, 100           x[1] was set, not x[0]
//	x, x = fn()                the first value stayed
//
// become
//
//	{ __p1 := &x[i]; __t1, __t2 := int(1), int(100); i = __t1; *__p1 = __t2 }
//
// A map element is kept as its map and key; a value is converted to its
// place's type, which an untyped constant needs. Assignments of plain
// variables from values without calls (a, b = b, a) are left as they are:
// Yaegi gets those right.
func (g *gen) tupleAssigns() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			list := stmtList(n)
			for _, s := range list {
				if as, ok := s.(*ast.AssignStmt); ok && g.needsPhases(as) {
					g.tupleAssign(as)
				}
			}
			// if want, got = a+c, add(a); got != want { (Go's
			// test/armimm.go): the assignment goes before the if, in a
			// block of its own for its scope.
			if is, ok := n.(*ast.IfStmt); ok {
				if as, ok := is.Init.(*ast.AssignStmt); ok && g.needsPhases(as) {
					g.phasedIfInit(is, as)
				}
			}
			var header []ast.Stmt
			switch x := n.(type) {
			case *ast.ForStmt:
				header = []ast.Stmt{x.Init, x.Post}
			case *ast.SwitchStmt:
				header = []ast.Stmt{x.Init}
			case *ast.TypeSwitchStmt:
				header = []ast.Stmt{x.Init}
			}
			for _, s := range header {
				if as, ok := s.(*ast.AssignStmt); ok && g.needsPhases(as) {
					g.phasedByCall(as)
				}
			}
			return true
		})
	}
}

// needsPhases reports whether an assignment of several places could go
// wrong with Yaegi's order, and can be rewritten: a value is computed by a
// call (which may read a place assigned before it) or is a function
// literal, a variable assigned is
// used in another place's index or pointer (i, x[i] = ...), or a variable
// is assigned twice (x, x = f()). Swaps (a[i], a[j] = a[j], a[i]) Yaegi
// gets right, and they stay as fast as they were.
func (g *gen) needsPhases(as *ast.AssignStmt) bool {
	if as.Tok != token.ASSIGN || len(as.Lhs) < 2 {
		return false
	}
	risky := false
	if g.hasBoxedTypes() {
		// Yaegi sets a variable of interface type in place when it
		// assigns several at once, and panicked when the variable held a
		// box and the new value is none, or the other way round
		// (a, one = MyInt(1), 1): assigned one at a time, it replaces it.
		for _, l := range as.Lhs {
			if t := g.c.info.TypeOf(l); t != nil && isInterface(t) {
				risky = true
			}
		}
	}
	assigned := map[types.Object]bool{}
	for _, l := range as.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name != "_" {
			obj := g.c.info.Uses[id]
			if assigned[obj] {
				risky = true
			}
			assigned[obj] = true
		}
	}
	for _, l := range as.Lhs {
		if _, ok := ast.Unparen(l).(*ast.Ident); ok {
			continue
		}
		if g.c.info.TypeOf(l) == nil {
			return false
		}
		ast.Inspect(l, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && assigned[g.c.info.Uses[id]] {
				risky = true
			}
			if _, ok := n.(*ast.CallExpr); ok {
				risky = true
			}
			return true
		})
	}
	for k, l := range as.Lhs {
		if k > 0 && g.panicsWhenAssigned(l) && !readAsValue(l, as.Rhs) {
			// a, s[i] = 7, 1 with i out of range: Go assigns a first,
			// then panics (Go's test/fixedbugs/issue23017.go); Yaegi
			// indexed, or followed the pointer of p.n, before it
			// assigned anything.
			risky = true
		}
	}
	if len(as.Rhs) == 1 && len(as.Lhs) == 2 {
		switch ast.Unparen(as.Rhs[0]).(type) {
		case *ast.TypeAssertExpr, *ast.IndexExpr:
			// v, ok = x.(int) with ok an any: Yaegi sets the comma-ok's
			// bool in place, and panicked ("reflect: call of
			// reflect.Value.SetBool on interface Value", Go's
			// test/fixedbugs/issue53619.go). And it set no map entry:
			// ret[k], ok = data[k].(string) left ret empty (Go's
			// test/fixedbugs/bug343.go).
			ix, entry := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
			if !isBlank(as.Lhs[1]) && isInterface(g.c.info.TypeOf(as.Lhs[1])) || entry && g.isMapIndex(ix) {
				risky = true
			}
		}
	}
	for i, r := range as.Rhs {
		if i > 0 && len(as.Rhs) == len(as.Lhs) && g.isDeref(r) {
			// m[0], _ = append(m[0], 0), *p: Go evaluates *p, which
			// panics, before it assigns m[0] (Go's
			// fixedbugs/issue22881.go). Yaegi evaluates the values first,
			// but its *p of a nil pointer is reflect's zero Value, which
			// panics only where it is assigned, after m[0] was.
			risky = true
		}
		if tv, ok := g.c.info.Types[r]; ok && tv.IsNil() {
			// n, err = 3, nil: Yaegi panicked with "reflect: New(nil)";
			// converted to its place's type, it is a value like any other.
			risky = true
		}
		if u, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			if len(as.Rhs) == 1 {
				return false // v, ok = <-c: the channel rewrites make it a call that assigns both
			}
			risky = true // the channel rewrites make each a call
		}
		ast.Inspect(r, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				if tv, ok := g.c.info.Types[x.Fun]; ok && tv.IsType() {
					return true // a conversion
				}
				if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
					if _, ok := g.c.info.Uses[id].(*types.Builtin); ok {
						return true // len, cap...
					}
				}
				risky = true
			case *ast.FuncLit:
				// q, g = 1, func() int { return q }: the literal must
				// see q's new value (Go's test/closure2.go).
				risky = true
				return false
			}
			return true
		})
	}
	return risky
}

// phasedIfInit rewrites if as; cond { ... } as { as'; if cond { ... } }.
func (g *gen) phasedIfInit(is *ast.IfStmt, as *ast.AssignStmt) {
	places, ok := g.places(as.Lhs, len(as.Rhs) == len(as.Lhs))
	if !ok {
		return
	}
	g.addressed[as] = true
	g.phased[as] = true
	g.r.Replace(is, func() string {
		rest := "if " + g.r.Source(is.Cond) + " " + g.r.Source(is.Body)
		if is.Else != nil {
			rest += " else " + g.r.Source(is.Else)
		}
		return "{ " + g.assignPhases(places, g.values(as, places)) + rest + " }"
	})
}

// phasedByCall rewrites as, the init or post statement of a for statement
// or the init statement of a switch, which cannot be a block: its variables get their values from one call
// of a function literal, which computes them all before any is assigned.
//
//	for i, e := l.Len(), l.Back(); i > 0; i, e = i-1, e.Prev()   (container/list's PushFrontList)
//
// became an endless walk: Yaegi assigned i before it called e.Prev(), and
// then not at all. Places other than variables stay as they are.
func (g *gen) phasedByCall(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	results := make([]string, len(as.Lhs))
	for i, l := range as.Lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			return
		}
		t := g.c.info.TypeOf(l)
		if id.Name == "_" {
			t = types.Default(g.c.info.TypeOf(as.Rhs[i]))
		}
		typ, ok := g.localType(t)
		if !ok {
			return
		}
		results[i] = typ
	}
	g.r.Before(as.Rhs[0], "func() ("+strings.Join(results, ", ")+") { return ")
	g.r.After(as.Rhs[len(as.Rhs)-1], " }()")
}

// values returns the texts of the values of as, converted to the types of
// their places.
func (g *gen) values(as *ast.AssignStmt, places []place) []string {
	var vals []string
	for i, r := range as.Rhs {
		v := g.r.Source(r)
		if len(as.Rhs) == len(places) && places[i].typ != "" && !places[i].iface {
			v = "(" + places[i].typ + ")(" + v + ")"
		}
		vals = append(vals, v)
	}
	return vals
}

// tupleAssign rewrites as, whose places and values needsPhases checked.
func (g *gen) tupleAssign(as *ast.AssignStmt) {
	places, ok := g.places(as.Lhs, len(as.Rhs) == len(as.Lhs))
	if !ok {
		return
	}
	g.addressed[as] = true
	g.phased[as] = true
	g.r.Replace(as, func() string { return "{ " + g.assignPhases(places, g.values(as, places)) + "}" })
}

// place is a place an assignment of several places assigns.
type place struct {
	before func() string // phase one, "" if nothing
	target func() string // phase two
	check  func() string // before the target is assigned, if not nil
	typ    string        // the place's type; "" for _ or without types
	// iface says the place is of one of the notebook's interfaces with
	// methods: its value is declared of that type (var __t1 Shape = c),
	// not converted (Shape(c)), as the interpreter's box of a converted
	// value names the interface, not the value's type (%T of the place
	// said main.Shape, or float64).
	iface bool
}

// places returns the places of lhs, with their types if typed; false if
// one cannot be written so.
func (g *gen) places(lhs []ast.Expr, typed bool) ([]place, bool) {
	places := make([]place, len(lhs))
	for i, l := range lhs {
		l := ast.Unparen(l)
		if typed {
			if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
				typ, ok := g.localType(g.c.info.TypeOf(l))
				if !ok {
					return nil, false
				}
				places[i].typ = typ
				places[i].iface = interpretedInterface(g.c.info.TypeOf(l))
			}
		}
		switch x := l.(type) {
		case *ast.Ident:
			places[i].target = func() string { return x.Name }
		case *ast.IndexExpr:
			// The container and the index: a map's element has no
			// address, and Yaegi cannot take that of an element of a
			// named pointer type. An array is kept by its address.
			c, k := g.r.Temp("c"), g.r.Temp("k")
			amp, conv := "", ""
			switch u := g.c.info.TypeOf(x.X).Underlying().(type) {
			case *types.Array:
				amp = "&"
			case *types.Map:
				// An untyped key gets the map's key type, not its own.
				t, ok := g.localType(u.Key())
				if !ok {
					return nil, false
				}
				conv = "(" + t + ")"
			}
			places[i].before = func() string {
				return fmt.Sprintf("%s, %s := %s%s, %s(%s); ", c, k, amp, g.r.Source(x.X), conv, g.r.Source(x.Index))
			}
			places[i].target = func() string { return c + "[" + k + "]" }
			if g.indexedAtRun(x) {
				// Checked as it is assigned, with Go's message.
				places[i].check = func() string { return g.boundsCheck(c, k, g.c.info.TypeOf(x.Index), false) }
			}
		case *ast.SelectorExpr:
			p := g.r.Temp("p")
			if ptr, ok := underlyingOf(g.c.info.TypeOf(x.X)).(*types.Pointer); ok && ptr != nil {
				// The pointer, which is followed when the field is
				// assigned: nil panics then, after the places before.
				places[i].before = func() string { return fmt.Sprintf("%s := %s; ", p, g.r.Source(x.X)) }
				places[i].target = func() string { return p + "." + x.Sel.Name }
				break
			}
			places[i].before = func() string { return fmt.Sprintf("%s := &%s; ", p, g.r.Source(x)) }
			places[i].target = func() string { return "*" + p }
		case *ast.StarExpr:
			p := g.r.Temp("p")
			places[i].before = func() string { return fmt.Sprintf("%s := %s; ", p, g.r.Source(x.X)) }
			places[i].target = func() string { return "*" + p }
		default:
			return nil, false
		}
	}
	return places, true
}

// assignPhases writes the two phases of assigning vals (one value each,
// or one call giving them all) to places: what the places need
// evaluated, the values into temporaries, then each place in turn.
// typedIfaces reports whether a place of places is of one of the
// notebook's interfaces with methods.
func typedIfaces(places []place) bool {
	for _, p := range places {
		if p.iface {
			return true
		}
	}
	return false
}

func (g *gen) assignPhases(places []place, vals []string) string {
	var b strings.Builder
	for _, p := range places {
		if p.before != nil {
			b.WriteString(p.before())
		}
	}
	tmps := make([]string, len(places))
	for i := range tmps {
		tmps[i] = g.r.Temp("t")
	}
	if typedIfaces(places) && len(vals) == len(places) {
		// In order, a declaration of its type for a value of an
		// interface place.
		for i, p := range places {
			if p.iface {
				fmt.Fprintf(&b, "var %s %s = %s; ", tmps[i], p.typ, vals[i])
			} else {
				fmt.Fprintf(&b, "%s := %s; ", tmps[i], vals[i])
			}
		}
	} else {
		b.WriteString(defineAll(tmps, vals) + "; ")
	}
	for i, p := range places {
		if p.check != nil {
			b.WriteString(p.check())
		}
		fmt.Fprintf(&b, "%s = %s; ", p.target(), tmps[i])
	}
	return b.String()
}

// panicsWhenAssigned reports whether assigning place l may panic: an
// element of a slice or an array at an index the compiler does not check,
// a field through a pointer.
func (g *gen) panicsWhenAssigned(l ast.Expr) bool {
	switch x := ast.Unparen(l).(type) {
	case *ast.IndexExpr:
		return g.indexedAtRun(x)
	case *ast.SelectorExpr:
		sel := g.c.info.Selections[x]
		return sel != nil && sel.Kind() == types.FieldVal && sel.Indirect()
	}
	return false
}

// readAsValue reports whether place l is also one of values, read (and
// panicking, if it does) before anything is assigned: a[i], a[j] = a[j],
// a[i].
func readAsValue(l ast.Expr, values []ast.Expr) bool {
	text := types.ExprString(ast.Unparen(l))
	for _, v := range values {
		if types.ExprString(ast.Unparen(v)) == text {
			return true
		}
	}
	return false
}
