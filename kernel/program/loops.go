package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Since Go 1.22 each iteration of a loop has its own loop variables: a
// closure or a goroutine made in one iteration keeps that iteration's
// value. Yaegi v0.16.1 has one variable per loop, so
//
//	for i := 0; i < 3; i++ { go func() { fmt.Println(i) }() }
//
// would print 3 3 3. Where the difference can show (the body makes a
// closure, starts a goroutine, defers a call or takes an address), loops are
// rewritten to give each iteration fresh variables:
//
//	{ i := 0; __p := &i; __first := true
//	  for { i := *__p; __p = &i; if __first { __first = false } else { i++ }; if !(i < 3) { break }; { body } } }
//
// Each iteration starts with a copy of the previous iteration's variable as
// it was at the end of that iteration (after a continue too), then runs the
// post statement on the copy, as the Go spec says. A range loop copies its
// variables at the top of the body:
//
//	for __k, __v := range xs { k, v := __k, __v; { body } }
//
// Yaegi cannot range over an integer at all; such loops become counting
// loops, which the rule above then covers.

// loopVars registers the loop rewrites of a cell.
func (g *gen) loopVars() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		switch x := n.(type) {
		case *ast.ForStmt:
			switch vars := g.forVars(x); {
			case vars != nil && g.keeps(vars, x.Body, x.Cond, x.Post):
				g.rewriteFor(x, label, vars)
			case x.Init != nil && x.Cond == nil && x.Post == nil:
				g.hoistInit(x, label)
			}
		case *ast.RangeStmt:
			g.rewriteRange(x, label)
		}
		return true
	})
}

// hoistInit runs the init statement of a loop that has neither condition
// nor post statement before the loop, once: Yaegi v0.16.1 runs it again at
// every iteration (for i := 0; ; { i += 10 } saw i == 0 each time).
//
//	L: for init; ; { body }  becomes  { init; L: for { body } }
func (g *gen) hoistInit(f *ast.ForStmt, label *ast.LabeledStmt) {
	var node ast.Node = f
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	g.r.Replace(node, func() string {
		return "{ " + g.r.Source(f.Init) + "; " + labelText + "for { " + g.loopBody(f.Body) + " } }"
	})
}

// forVars returns the variables a loop's init statement declares.
func (g *gen) forVars(f *ast.ForStmt) []*ast.Ident {
	as, ok := f.Init.(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE {
		return nil
	}
	var ids []*ast.Ident
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			ids = append(ids, id)
		}
	}
	return ids
}

// keeps reports whether code in nodes can keep one of vars, the variables
// of a loop, beyond its iteration: a function literal that uses one, or an
// address taken of one or of a part of one (&v, &v.f, v[:] of an array, a
// pointer method called or taken on v). Calls elsewhere (fmt.Println(i),
// go worker(i), defer wg.Done()) copy what they are given: a loop whose
// body makes them needs no variables of its own per iteration.
func (g *gen) keeps(vars []*ast.Ident, nodes ...ast.Node) bool {
	objs := map[types.Object]bool{}
	for _, v := range vars {
		if o := g.c.info.Defs[v]; o != nil {
			objs[o] = true
		}
	}
	if len(objs) == 0 {
		return false
	}
	ofVars := func(e ast.Expr) bool { return objs[g.rootVar(e)] }
	found := false
	for _, n := range nodes {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				ast.Inspect(x.Body, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && objs[g.c.info.Uses[id]] {
						found = true
					}
					return !found
				})
			case *ast.UnaryExpr:
				found = found || (x.Op == token.AND && ofVars(x.X))
			case *ast.SliceExpr:
				_, isArray := typeUnder(g.c.info.TypeOf(x.X)).(*types.Array)
				found = found || (isArray && ofVars(x.X))
			case *ast.SelectorExpr:
				found = found || (g.pointerMethodOf(x) && ofVars(x.X))
			}
			return !found
		})
	}
	return found
}

// rootVar returns the variable whose storage e is part of (v for v, v.f,
// v[i], v[i:j]), or nil: through a pointer, the storage is elsewhere.
func (g *gen) rootVar(e ast.Expr) types.Object {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return g.c.info.Uses[x]
		case *ast.SelectorExpr:
			if sel := g.c.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// pointerMethodOf reports whether x selects a method with a pointer
// receiver on an operand that is not a pointer: Go takes the operand's
// address.
func (g *gen) pointerMethodOf(x *ast.SelectorExpr) bool {
	sel := g.c.info.Selections[x]
	if sel == nil || sel.Kind() != types.MethodVal {
		return false
	}
	sig, ok := sel.Obj().Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	_, ptrRecv := sig.Recv().Type().(*types.Pointer)
	_, ptrOperand := typeUnder(g.c.info.TypeOf(x.X)).(*types.Pointer)
	return ptrRecv && !ptrOperand
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// rangeIdents returns the variables a range statement declares.
func rangeIdents(rs *ast.RangeStmt) []*ast.Ident {
	var ids []*ast.Ident
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			ids = append(ids, id)
		}
	}
	return ids
}

// rewriteFor gives each iteration of a three-clause loop its own vars.
func (g *gen) rewriteFor(f *ast.ForStmt, label *ast.LabeledStmt, vars []*ast.Ident) {
	var node ast.Node = f
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	g.r.Replace(node, func() string {
		names := make([]string, len(vars))
		for i, v := range vars {
			names[i] = v.Name
		}
		cond, post := "", ""
		if f.Cond != nil {
			cond = g.r.Source(f.Cond)
		}
		if f.Post != nil {
			post = g.r.Source(f.Post)
		}
		return g.perIteration(labelText, names, g.r.Source(f.Init), cond, post, g.loopBody(f.Body))
	})
}

// perIteration writes a loop whose variables names, declared by init, are
// new in each iteration; cond and post may be empty.
func (g *gen) perIteration(labelText string, names []string, init, cond, post, body string) string {
	ptrs := make([]string, len(names))
	derefs := make([]string, len(names))
	addrs := make([]string, len(names))
	for i, v := range names {
		ptrs[i] = g.r.Temp("p")
		derefs[i] = "*" + ptrs[i]
		addrs[i] = "&" + v
	}
	first := g.r.Temp("first")
	var b strings.Builder
	fmt.Fprintf(&b, "{ %s; %s := %s; %s := true; _ = %s; ", init, strings.Join(ptrs, ", "), strings.Join(addrs, ", "), first, first)
	fmt.Fprintf(&b, "%sfor { %s := %s; %s = %s; ", labelText, strings.Join(names, ", "), strings.Join(derefs, ", "), strings.Join(ptrs, ", "), strings.Join(addrs, ", "))
	if post != "" {
		fmt.Fprintf(&b, "if %s { %s = false } else { %s }; ", first, first, post)
	} else {
		fmt.Fprintf(&b, "%s = false; ", first)
	}
	if cond != "" {
		fmt.Fprintf(&b, "if !(%s) { break }; ", cond)
	}
	fmt.Fprintf(&b, "{ %s } } }", body)
	return b.String()
}

// rewriteRange handles range over an integer (which Yaegi cannot run),
// and range loops whose variables can escape their iteration.
func (g *gen) rewriteRange(rs *ast.RangeStmt, label *ast.LabeledStmt) {
	t := g.c.info.TypeOf(rs.X)
	if t == nil {
		return
	}
	switch t.Underlying().(type) {
	case *types.Chan:
		return // rewriteRangeChan gives each iteration its variables
	case *types.Signature:
		return // rangeFuncs makes the body a function
	}
	_, isPtr := t.Underlying().(*types.Pointer)
	if n, ok := constLen(rs.X, t); ok && (rs.Value == nil || isPtr && isBlank(rs.Value)) {
		// for i := range p, p a *[10]int: its indexes; p is not even
		// evaluated (Go's spec: len(p) is constant), and may be nil
		// (Yaegi took its length: a nil dereference). So for *p, p[0]
		// of a *[2][3]int and b.cells of a nil *Board; and for
		// i, _ := range p, which evaluates p but reads no element
		// (i, _ := range *p evaluates *p: Go's test/fixedbugs/bug454.go).
		node, labelText := ast.Node(rs), ""
		if label != nil {
			node, labelText = label, label.Label.Name+": "
		}
		g.r.Replace(node, func() string {
			loop := g.rangeIntText(rs, labelText, types.Typ[types.Int], strconv.FormatInt(n, 10))
			if hasCall(rs.X) {
				// range f(): evaluated, as len(f()) is not a constant.
				// Into a variable: Yaegi's _ = *f() of a nil pointer
				// did not panic (see derefFirst).
				tmp := g.r.Temp("x")
				loop = "{ " + tmp + " := " + g.r.Source(rs.X) + "; _ = " + tmp + " }; " + loop
			}
			return loop
		})
		return
	}
	basic, isBasic := t.Underlying().(*types.Basic)
	isInt := isBasic && basic.Info()&types.IsInteger != 0
	isString := isBasic && basic.Info()&types.IsString != 0
	chanElems := rs.Value != nil && elemIsChan(t)
	if !isInt && !isString && !chanElems && rs.Tok != token.ASSIGN && (rs.Tok != token.DEFINE || !g.keeps(rangeIdents(rs), rs.Body)) {
		return
	}
	var node ast.Node = rs
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	if isInt {
		g.r.Replace(node, func() string { return g.rangeIntText(rs, labelText, t, g.r.Source(rs.X)) })
		return
	}
	if isString {
		g.r.Replace(node, func() string { return g.rangeStringText(rs, labelText) })
		return
	}
	if chanElems {
		g.r.Replace(node, func() string { return g.rangeByIndex(rs, labelText) })
		return
	}
	if rs.Tok == token.ASSIGN {
		g.r.Replace(node, func() string { return g.rangeAssignText(rs, labelText) })
		return
	}
	g.r.Replace(node, func() string {
		var tmps, lhs []string
		for _, e := range []ast.Expr{rs.Key, rs.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				tmps = append(tmps, g.r.Temp("r"))
				lhs = append(lhs, id.Name)
			} else if e != nil {
				tmps = append(tmps, "_")
			}
		}
		copies := ""
		if len(lhs) > 0 {
			var used []string
			for _, t := range tmps {
				if t != "_" {
					used = append(used, t)
				}
			}
			copies = fmt.Sprintf("%s := %s; ", strings.Join(lhs, ", "), strings.Join(used, ", "))
		}
		return fmt.Sprintf("%sfor %s := range %s { %s{ %s } }", labelText, strings.Join(tmps, ", "), g.r.Source(rs.X), copies, g.loopBody(rs.Body))
	})
}

// rangeIntText writes for i := range n as a counting loop over a copy of
// n, with per-iteration variables if they can escape.
func (g *gen) rangeIntText(rs *ast.RangeStmt, labelText string, t types.Type, nText string) string {
	typ, _ := g.localType(t)
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		typ = "int"
	}
	n := g.r.Temp("n")
	key := g.r.Temp("i")
	assignTo := ""
	if id, ok := rs.Key.(*ast.Ident); ok && id.Name != "_" {
		if rs.Tok == token.DEFINE {
			key = id.Name
		} else {
			assignTo = g.r.Source(rs.Key) // for i = range n: the outer i
		}
	} else if rs.Key != nil && rs.Tok == token.ASSIGN {
		assignTo = g.r.Source(rs.Key)
	}
	body := g.loopBody(rs.Body)
	if assignTo != "" {
		body = assignTo + " = " + key + "; " + body
	}
	init := fmt.Sprintf("%s := %s(0)", key, typ)
	prefix := fmt.Sprintf("{ %s := %s(%s); ", n, typ, nText)
	if rs.Tok == token.DEFINE && g.keeps(rangeIdents(rs), rs.Body) {
		return prefix + g.perIteration(labelText, []string{key}, init, key+" < "+n, key+"++", body) + " }"
	}
	return fmt.Sprintf("%s%sfor %s; %s < %s; %s++ { %s } }", prefix, labelText, init, key, n, key, body)
}

// rangeStringText writes for i, c := range s as a loop that decodes the
// runes of s one by one, as Go does. Yaegi v0.16.1 converts s to []rune
// first and finds each offset by encoding the runes before it again: an
// invalid byte, decoded as U+FFFD, counts three bytes (Go's
// test/stringrange.go), for i := range s counts runes, not bytes, and each
// iteration costs the length of the string. ASCII needs no call:
//
//	{ s := S; for i, n := 0, 0; i < len(s); i += n { c := rune(s[i]); n = 1; if c >= 0x80 { c, n = DecodeRune(s[i:]) }; k, v := i, c; { body } } }
func (g *gen) rangeStringText(rs *ast.RangeStmt, labelText string) string {
	s, i, n, c := g.r.Temp("s"), g.r.Temp("i"), g.r.Temp("n"), g.r.Temp("c")
	var b strings.Builder
	fmt.Fprintf(&b, "{ %s := %s; %sfor %s, %s := 0, 0; %s < len(%s); %s += %s { ", s, g.r.Source(rs.X), labelText, i, n, i, s, i, n)
	fmt.Fprintf(&b, "%s := rune(%s[%s]); %s = 1; if %s >= 0x80 { %s, %s = %s.DecodeRune(%s[%s:]) }; ", c, s, i, n, c, c, n, HooksName, s, i)
	places, rhs := rangeVars(rs, i, c)
	var lhs []string
	for _, e := range places {
		lhs = append(lhs, g.r.Source(e))
	}
	switch {
	case len(lhs) == 0:
		fmt.Fprintf(&b, "_ = %s; ", c)
	case rs.Tok == token.DEFINE:
		fmt.Fprintf(&b, "%s := %s; ", strings.Join(lhs, ", "), strings.Join(rhs, ", "))
	default:
		b.WriteString(g.rangeAssigns(rs, i, c))
	}
	fmt.Fprintf(&b, "{ %s } } }", g.loopBody(rs.Body))
	return b.String()
}

// rangeAssignText writes for k, v = range xs, which assigns variables of
// the function (Yaegi v0.16.1 leaves them as they were: after the loop
// they did not hold the last key and value), as a loop over new variables
// that assigns them, as an assignment statement would:
//
//	for __k, __v := range xs { k, v = __k, __v; { body } }
func (g *gen) rangeAssignText(rs *ast.RangeStmt, labelText string) string {
	k, v := g.r.Temp("k"), g.r.Temp("v")
	vars := k
	if rs.Value != nil {
		vars += ", " + v
	}
	return fmt.Sprintf("%sfor %s := range %s { %s{ %s } }", labelText, vars, g.r.Source(rs.X), g.rangeAssigns(rs, k, v), g.loopBody(rs.Body))
}

// rangeAssigns assigns the key and value of one iteration, k and v, to
// the places of a range statement with =, in Go's two phases (see
// tupleAssigns): for i, x[i] = range ys sets x at the i of before.
func (g *gen) rangeAssigns(rs *ast.RangeStmt, k, v string) string {
	lhs, vals := rangeVars(rs, k, v)
	if len(lhs) == 0 {
		return ""
	}
	places, ok := g.places(lhs, false)
	if !ok {
		var srcs []string
		for _, e := range lhs {
			srcs = append(srcs, g.r.Source(e))
		}
		return fmt.Sprintf("%s = %s; ", strings.Join(srcs, ", "), strings.Join(vals, ", "))
	}
	return "{ " + g.assignPhases(places, vals) + "}; "
}

// elemIsChan reports whether t is a slice or array (or pointer to an array)
// of channels. Yaegi v0.16.1 cannot range over one with a value variable
// ("reflect: call of reflect.Value.Len on int Value").
func elemIsChan(t types.Type) bool {
	u := t.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
	}
	elem := sequenceElem(u)
	if elem == nil {
		return false
	}
	_, ok := elem.Underlying().(*types.Chan)
	return ok
}

// sequenceElem returns the element type of a slice or array type u (an
// underlying type), nil for another.
func sequenceElem(u types.Type) types.Type {
	switch x := u.(type) {
	case *types.Slice:
		return x.Elem()
	case *types.Array:
		return x.Elem()
	}
	return nil
}

// rangeByIndex writes for k, v := range xs as a loop over the indexes of
// a copy of xs (Go evaluates the range expression once; an array is
// copied), taking each value by index.
func (g *gen) rangeByIndex(rs *ast.RangeStmt, labelText string) string {
	xs, k := g.r.Temp("xs"), g.r.Temp("k")
	var b strings.Builder
	fmt.Fprintf(&b, "{ %s := %s; %sfor %s := range %s { ", xs, g.r.Source(rs.X), labelText, k, xs)
	define := rs.Tok == token.DEFINE
	assign := func(e ast.Expr, val string) {
		if e == nil {
			return
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			return
		}
		op := "="
		if define {
			op = ":="
		}
		fmt.Fprintf(&b, "%s %s %s; ", g.r.Source(e), op, val)
	}
	assign(rs.Key, k)
	assign(rs.Value, xs+"["+k+"]")
	fmt.Fprintf(&b, "{ %s } } }", g.loopBody(rs.Body))
	return b.String()
}

// arrayLen returns the length of a pointer to an array.
// constLen returns the length of x, of type t, if Go's len(x) is a
// constant that range need not evaluate x for: x is a pointer to an array,
// or an array other than a variable (whose evaluation does nothing).
func constLen(x ast.Expr, t types.Type) (int64, bool) {
	n, ok := arrayOrPointerLen(t)
	if _, isArray := t.Underlying().(*types.Array); isArray {
		_, isVar := ast.Unparen(x).(*ast.Ident)
		ok = ok && !isVar
	}
	return n, ok
}

// arrayOrPointerLen returns the length of an array type, or of the array
// a pointer type points to: what len of a value of t is.
func arrayOrPointerLen(t types.Type) (int64, bool) {
	if a, ok := t.Underlying().(*types.Array); ok {
		return a.Len(), true
	}
	return arrayLen(t)
}

func arrayLen(t types.Type) (int64, bool) {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return 0, false
	}
	a, ok := p.Elem().Underlying().(*types.Array)
	if !ok {
		return 0, false
	}
	return a.Len(), true
}

// hasCall reports whether e calls a function or receives from a channel
// (outside function literals).
func hasCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				found = true
			}
		}
		return !found
	})
	return found
}

// rangeVars returns the key and value of a range statement that are not
// missing or blank, with k and v, the texts of their values.
func rangeVars(rs *ast.RangeStmt, k, v string) ([]ast.Expr, []string) {
	var exprs []ast.Expr
	var vals []string
	for _, x := range []struct {
		e   ast.Expr
		val string
	}{{rs.Key, k}, {rs.Value, v}} {
		if x.e == nil {
			continue
		}
		if id, ok := x.e.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		exprs, vals = append(exprs, x.e), append(vals, x.val)
	}
	return exprs, vals
}
