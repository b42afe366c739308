package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
)

// callsFirst makes the calls of a statement before it reads the operands
// that a call could change, as Go's compiler does:
//
//	fmt.Println(s[0], set())    becomes    __goconc_c1 := set(); fmt.Println(s[0], __goconc_c1)
//	x[0] += f()                            __goconc_c1 := f(); x[0] += __goconc_c1
//
// The spec orders the calls, method calls and receives of a statement
// and leaves the other operands open; gc evaluates those first, in order,
// into temporaries (and with them what it counts as calls: len, cap,
// make, min and the other builtins, type assertions to types that are not
// pointers, map literals, &T{...}, struct and array literals converted to
// an interface by their address), then everything else, and it sets the
// entries of a map literal one by one. Yaegi goes from left to right: an
// element, a field through a pointer or arithmetic on a variable that a
// later call of the statement changed was read before it, so
// fmt.Println(s[0], set()) printed the old element, and x[0] += f() (Go's
// test/fixedbugs/issue21687.go) added to the old slice.
//
// Only a statement that reads such an operand before an effect it could
// see (a call of a function that may write what its caller reads, a
// receive, copy, append: sharedWrites) is rewritten: the calls up to the
// last such effect, and the call-like operands written before them, are
// hoisted in order, each whole. The calls of an else's if go before it,
// in a block (else { __goconc_c1 := f(); if ... }); where no statement can
// come first (a loop's condition, a case, the right operand of && and
// ||, an if's condition after its init statement), the expression goes
// into a function literal whose statements make them (region). A for
// loop's post statement stays as it is.
func (g *gen) callsFirst() {
	o := &evalOrder{g: g, captured: g.capturedVars(), addressed: g.addressedVars(), writes: newSharedWrites(g)}
	for _, fd := range g.rewritable() {
		o.function(g.c.info.TypeOf(fd.Name), fd.Body)
	}
}

// function walks the statements of a function body of type sig, and those
// of the function literals in it.
func (o *evalOrder) function(sig types.Type, body *ast.BlockStmt) {
	if s, ok := sig.(*types.Signature); ok {
		o.results = s.Results()
	} else {
		o.results = nil
	}
	var lits []*ast.FuncLit
	o.stack = o.stack[:0]
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			o.stack = o.stack[:len(o.stack)-1]
			return true
		}
		if fl, ok := n.(*ast.FuncLit); ok {
			lits = append(lits, fl)
			return false
		}
		o.stack = append(o.stack, n)
		for _, s := range stmtList(n) {
			o.statement(s, false)
		}
		switch x := n.(type) {
		case *ast.IfStmt:
			if elseIf, ok := x.Else.(*ast.IfStmt); ok {
				o.statement(elseIf, true)
			}
			if x.Init != nil {
				o.region(x.Cond)
			}
		case *ast.ForStmt:
			o.region(x.Cond)
		case *ast.SwitchStmt:
			if x.Init != nil {
				o.region(x.Tag)
			}
			if x.Tag == nil {
				for _, cc := range x.Body.List {
					for _, e := range cc.(*ast.CaseClause).List {
						o.region(e)
					}
				}
			}
		}
		return true
	})
	for _, fl := range lits {
		o.function(o.g.c.info.TypeOf(fl), fl.Body)
	}
}

// evalOrder lists, for one statement, its operands that read shared
// memory and its call-like operands, in the order gc evaluates them.
type evalOrder struct {
	g                   *gen
	captured, addressed map[*types.Var]bool
	results             *types.Tuple // of the function whose statements are walked
	writes              *sharedWrites
	stack               []ast.Node // around the statement walked, for indexproofs

	events []evalEvent
	// unmovable says an operand that must move cannot be written on its
	// own (a map entry's literal without its type, {1, 2}): the
	// statement stays as it is.
	unmovable bool
	// consumers are the call-like operands being evaluated, and the
	// entries of map literals: what an operand read now is handed to.
	consumers []ast.Node
}

type evalEvent struct {
	node     ast.Expr
	callLike bool // evaluated into a temporary, after its own operands
	effect   bool // a call that can change what another operand reads
	consumer ast.Node
	// entryOf is the map literal whose entry consumes a read: Yaegi
	// makes the calls of the entries after it first.
	entryOf *ast.CompositeLit
}

// statement hoists the calls of s that must come before its reads; with
// braced, s is an else's if, which goes into a block with them.
func (o *evalOrder) statement(s ast.Stmt, braced bool) {
	at := s
	for {
		l, ok := s.(*ast.LabeledStmt)
		if !ok {
			break
		}
		s = l.Stmt
	}
	if _, isSwitch := s.(*ast.SwitchStmt); !isSwitch {
		// A goto to the label runs the calls too; a switch keeps its
		// label, which a break names.
		at = s
	}
	o.events, o.consumers, o.unmovable = o.events[:0], o.consumers[:0], false
	switch x := s.(type) {
	case *ast.IfStmt:
		if x.Init == nil {
			o.expr(x.Cond)
		} else if !o.simple(x.Init) {
			return
		}
	case *ast.SwitchStmt:
		if x.Init == nil {
			o.expr(x.Tag)
		} else if !o.simple(x.Init) {
			return
		}
	default:
		if !o.simple(s) {
			return
		}
	}
	checks, after := o.panickingPlaces(s)
	if hoisted := o.hoisted(after); len(hoisted) > 0 {
		if braced {
			o.g.r.Before(at, "{ ")
			o.g.r.After(at, " }")
		}
		o.g.r.Hoist(at, hoisted, "c")
		if after >= 0 {
			o.g.r.Before(at, checks)
		}
	}
}

// simple walks a statement that evaluates its operands once, in place,
// and reports whether it is one.
func (o *evalOrder) simple(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.ExprStmt:
		o.expr(x.X)
	case *ast.AssignStmt:
		if x.Tok != token.DEFINE {
			for _, l := range x.Lhs {
				o.place(l, x.Tok != token.ASSIGN)
			}
		}
		for i, e := range x.Rhs {
			var target types.Type
			if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
				target = o.g.c.info.TypeOf(x.Lhs[i])
			}
			o.operand(e, target)
		}
	case *ast.ReturnStmt:
		for i, e := range x.Results {
			var target types.Type
			if o.results != nil && o.results.Len() == len(x.Results) {
				target = o.results.At(i).Type()
			}
			o.operand(e, target)
		}
	case *ast.DeclStmt:
		gd, ok := x.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return false
		}
		for _, sp := range gd.Specs {
			vs := sp.(*ast.ValueSpec)
			for i, e := range vs.Values {
				var target types.Type
				if vs.Type != nil && i < len(vs.Names) {
					target = o.g.c.info.TypeOf(vs.Type)
				}
				o.operand(e, target)
			}
		}
	case *ast.SendStmt:
		o.expr(x.Chan)
		var target types.Type
		if ch, ok := o.g.c.info.TypeOf(x.Chan).Underlying().(*types.Chan); ok {
			target = ch.Elem()
		}
		o.operand(x.Value, target)
	case *ast.GoStmt:
		o.laterCall(x.Call)
	case *ast.DeferStmt:
		o.laterCall(x.Call)
	default:
		return false
	}
	return true
}

// hoisted returns the call-like operands to evaluate before the
// statement: none if no read comes before an effect it could see and
// after is -1, else, up to the last effect that one does or the event
// after, if later, each call-like operand not inside
// another, each preceded by what it needs first itself (an element read
// before a call among its arguments, a map literal's earlier entries).
func (o *evalOrder) hoisted(after int) []ast.Expr {
	if o.unmovable {
		return nil
	}
	out, ok := o.hoistedFrom(o.events, after)
	if !ok {
		return nil
	}
	return out
}

// hoistedFrom is hoisted for events, those of a statement or of one
// operand hoisted whole; false says one cannot be.
func (o *evalOrder) hoistedFrom(events []evalEvent, after int) ([]ast.Expr, bool) {
	last := after
	for j, c := range events {
		if c.effect && j > last && seesReadBefore(events, j) {
			last = j
		}
	}
	if last < 0 {
		return nil, true
	}
	var whole []int // indexes of events, the last first
	for j := last; j >= 0; j-- {
		c := events[j]
		if !c.callLike || (len(whole) > 0 && within(c.node, events[whole[len(whole)-1]].node)) {
			continue
		}
		switch t := o.g.c.info.TypeOf(c.node).(type) {
		case nil, *types.Tuple:
			return nil, false // no single value to keep
		case *types.Basic:
			if t.Kind() == types.UntypedNil || t.Info()&types.IsUntyped != 0 {
				return nil, false
			}
		}
		whole = append(whole, j)
	}
	var out []ast.Expr
	for k := len(whole) - 1; k >= 0; k-- {
		j := whole[k]
		// Its own operands, which come just before it.
		first := j
		for first > 0 && within(events[first-1].node, events[j].node) {
			first--
		}
		inner, ok := o.hoistedFrom(events[first:j], -1)
		if !ok {
			return nil, false
		}
		out = append(append(out, inner...), events[j].node)
	}
	return out, true
}

// region hoists the calls of e that must come before its reads into a
// function literal in e's place (rewrite.HoistInto), where no statement
// can come before e: a loop's condition, a case, the right operand of &&
// and ||, the condition of an if with an init statement.
func (o *evalOrder) region(e ast.Expr) {
	if e == nil {
		return
	}
	events, consumers, unmovable := o.events, o.consumers, o.unmovable
	o.events, o.consumers, o.unmovable = nil, nil, false
	o.expr(e)
	hoisted := o.hoisted(-1)
	o.events, o.consumers, o.unmovable = events, consumers, unmovable
	if len(hoisted) == 0 {
		return
	}
	t := o.g.c.info.TypeOf(e)
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedBool {
		t = types.Typ[types.Bool]
	}
	if typ, ok := o.g.localType(t); ok {
		o.g.r.HoistInto(e, typ, hoisted, "c")
	}
}

// seesReadBefore reports whether a read comes before the effect events[j]
// and is used after it: its consumer, if any, holds the effect.
func seesReadBefore(events []evalEvent, j int) bool {
	c := events[j]
	for _, r := range events[:j] {
		if r.callLike {
			continue
		}
		if r.consumer == nil || r.consumer != c.node && within(c.node, r.consumer) {
			return true
		}
		if r.entryOf != nil && within(c.node, r.entryOf) {
			return true
		}
	}
	return false
}

// within reports whether n lies in outer (or is it).
func within(n, outer ast.Node) bool {
	return outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

func (o *evalOrder) read(e ast.Expr) {
	var consumer ast.Node
	if len(o.consumers) > 0 {
		consumer = o.consumers[len(o.consumers)-1]
	}
	o.events = append(o.events, evalEvent{node: e, consumer: consumer})
}

// callLike evaluates e's operands with inner, then e.
func (o *evalOrder) callLike(e ast.Expr, effect bool, inner func()) {
	o.consumers = append(o.consumers, e)
	inner()
	o.consumers = o.consumers[:len(o.consumers)-1]
	o.events = append(o.events, evalEvent{node: e, callLike: true, effect: effect})
}

// expr walks the operands of e in the order they are evaluated.
func (o *evalOrder) expr(e ast.Expr) {
	info := o.g.c.info
	if e == nil {
		return
	}
	if tv, ok := info.Types[e]; ok && (tv.Value != nil || tv.IsType() || tv.IsNil()) {
		return
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		o.expr(x.X)
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok && o.shared(v) {
			o.read(e)
		}
	case *ast.CompositeLit:
		o.compositeLit(x)
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && o.g.isPackage(id) {
			if _, v := info.Uses[x.Sel].(*types.Var); v {
				o.read(e)
			}
			return
		}
		sel := info.Selections[x]
		if sel == nil || sel.Kind() == types.MethodExpr {
			return
		}
		o.expr(x.X)
		if sel.Kind() == types.FieldVal && sel.Indirect() {
			o.read(e)
		}
	case *ast.IndexExpr:
		if tv, ok := info.Types[x.Index]; ok && tv.IsType() {
			return // an instance of a generic function
		}
		o.expr(x.X)
		o.expr(x.Index)
		switch info.TypeOf(x.X).Underlying().(type) {
		case *types.Array, *types.Basic: // part of x.X, or a string's
		default:
			o.read(e)
		}
	case *ast.SliceExpr:
		o.expr(x.X)
		o.expr(x.Low)
		o.expr(x.High)
		o.expr(x.Max)
	case *ast.StarExpr:
		o.expr(x.X)
		o.read(e)
	case *ast.UnaryExpr:
		switch x.Op {
		case token.ARROW:
			o.callLike(e, true, func() { o.expr(x.X) })
		case token.AND:
			if cl, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok {
				o.callLike(e, false, func() { o.elements(cl) })
			} else {
				o.placeOperands(x.X)
			}
		default:
			o.expr(x.X)
		}
	case *ast.BinaryExpr:
		if (x.Op == token.LAND || x.Op == token.LOR) && hasCall(x.Y) {
			// Evaluated whole, the right operand only if the left
			// says so: a unit that is hoisted whole, or not at all;
			// the right operand orders its own calls.
			o.callLike(e, true, func() { o.expr(x.X) })
			o.region(x.Y)
			return
		}
		o.expr(x.X)
		o.expr(x.Y)
	case *ast.TypeAssertExpr:
		if pointerShaped(info.TypeOf(e)) {
			o.expr(x.X)
			return
		}
		o.callLike(e, false, func() { o.expr(x.X) })
	case *ast.CallExpr:
		o.call(x)
	}
}

// call walks a call, a conversion or a call of a builtin.
func (o *evalOrder) call(x *ast.CallExpr) {
	info := o.g.c.info
	if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
		if len(x.Args) != 1 {
			return
		}
		if _, slice := tv.Type.Underlying().(*types.Slice); slice && isStringType(info.TypeOf(x.Args[0])) {
			o.callLike(x, false, func() { o.expr(x.Args[0]) })
			return
		}
		o.operand(x.Args[0], tv.Type)
		return
	}
	args := func() { o.arguments(x) }
	if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "copy", "append", "clear", "close", "delete", "panic", "print", "println":
				o.callLike(x, true, args)
			default:
				o.callLike(x, false, args)
			}
			return
		}
	}
	o.callLike(x, o.writes.call(x), func() {
		o.expr(x.Fun)
		args()
	})
}

// laterCall walks the function value and the arguments of the call of a
// go or defer statement, which the statement evaluates, not the call.
func (o *evalOrder) laterCall(x *ast.CallExpr) {
	info := o.g.c.info
	if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
		return
	}
	o.expr(x.Fun)
	o.arguments(x)
}

// arguments walks the arguments of a call, each to its parameter's type.
func (o *evalOrder) arguments(x *ast.CallExpr) {
	sig, _ := o.g.c.info.TypeOf(x.Fun).Underlying().(*types.Signature)
	for i, a := range x.Args {
		var target types.Type
		if sig != nil {
			target = paramType(sig, i, x.Ellipsis.IsValid())
		}
		o.operand(a, target)
	}
}

// compositeLit walks a literal: gc builds a map's, a struct's and an
// array's in a temporary of its own, in order, a slice's in place. The
// entries of a map literal are set one by one, each after its own
// operands.
func (o *evalOrder) compositeLit(x *ast.CompositeLit) {
	switch o.g.c.info.TypeOf(x).Underlying().(type) {
	case *types.Slice:
		o.elements(x)
	case *types.Map:
		// Yaegi reads an entry's operands after the calls of the
		// entries that follow: an entry that reads is a call-like
		// operand, hoisted with them.
		o.callLike(x, false, func() {
			for _, el := range x.Elts {
				// An entry is set as m[k] = v: the calls of both
				// first, then the rest.
				kv := el.(*ast.KeyValueExpr)
				var units []evalEvent
				for _, e := range []ast.Expr{kv.Key, kv.Value} {
					if n := len(o.events); o.entry(x, kv, e) && len(o.events) > n {
						units = append(units, evalEvent{node: e, callLike: true})
					}
				}
				o.events = append(o.events, units...)
			}
		})
	default:
		o.elements(x)
	}
}

// operand walks e, a value that goes to a place of type target (nil if
// not known): a struct or array literal converted to an interface is
// built in a temporary, in order, where gc's conversion takes its
// address (convertedByAddress).
func (o *evalOrder) operand(e ast.Expr, target types.Type) {
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok && target != nil && types.IsInterface(target) {
		switch t := o.g.c.info.TypeOf(cl); t.Underlying().(type) {
		case *types.Struct, *types.Array:
			if convertedByAddress(t) {
				o.callLike(cl, false, func() { o.elements(cl) })
				return
			}
		}
	}
	o.expr(e)
}

// gcSizes are the sizes gc gives types on this machine's architecture.
var gcSizes = types.SizesFor("gc", runtime.GOARCH)

// convertedByAddress reports whether gc converts a value of type t to an
// interface by its address (convT, convTnoptr), which needs the value in
// a temporary: not a value of one, two, four or eight bytes without
// pointers, nor one whose sole component is a string or a slice
// (walk.dataWordFuncName).
func convertedByAddress(t types.Type) bool {
	size := gcSizes.Sizeof(t)
	switch {
	case size <= 1, size == 2 && gcSizes.Alignof(t) == 2:
		return false
	case (size == 4 || size == 8) && gcSizes.Alignof(t) == size && !hasPointers(t):
		return false
	}
	for {
		switch u := t.Underlying().(type) {
		case *types.Struct:
			if u.NumFields() != 1 {
				return true
			}
			t = u.Field(0).Type()
			continue
		case *types.Array:
			if u.Len() != 1 {
				return true
			}
			t = u.Elem()
			continue
		case *types.Slice:
			return false
		case *types.Basic:
			return u.Info()&types.IsString == 0
		}
		return true
	}
}

// hasPointers reports whether a value of t holds a pointer.
func hasPointers(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasPointers(u.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Array:
		return u.Len() > 0 && hasPointers(u.Elem())
	}
	return true
}

// entry walks a key or a value of map literal m's entry kv and reports
// whether it has a value to hold (not a constant).
func (o *evalOrder) entry(m *ast.CompositeLit, kv *ast.KeyValueExpr, e ast.Expr) bool {
	if tv, ok := o.g.c.info.Types[e]; !ok || tv.Value != nil || tv.IsNil() {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		o.unmovable = o.unmovable || x.Type == nil
	case *ast.UnaryExpr:
		if cl, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && cl.Type == nil {
			o.unmovable = true
		}
	}
	o.consumers = append(o.consumers, kv)
	n := len(o.events)
	o.expr(e)
	for i := n; i < len(o.events); i++ {
		if o.events[i].consumer == kv {
			o.events[i].entryOf = m
		}
	}
	o.consumers = o.consumers[:len(o.consumers)-1]
	return true
}

// elements walks the values of a literal that is not a map's, each to
// its element's or field's type.
func (o *evalOrder) elements(x *ast.CompositeLit) {
	t := o.g.c.info.TypeOf(x).Underlying()
	for i, el := range x.Elts {
		target := sequenceElem(t)
		if t, ok := t.(*types.Struct); ok {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if f, ok := o.g.c.info.Uses[kv.Key.(*ast.Ident)].(*types.Var); ok {
					target = f.Type()
				}
			} else if i < t.NumFields() {
				target = t.Field(i).Type()
			}
		}
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		o.operand(el, target)
	}
}

// place walks the operands of a place assigned to, or addressed: the
// variable itself is not read, its index and the pointers on the way are;
// with read, as in x += f(), the place's value is read too, where a call
// could change it.
func (o *evalOrder) place(e ast.Expr, read bool) {
	if o.placeOperands(e) && read {
		o.read(e)
	}
}

// placeOperands walks the operands of a place and reports whether a call
// could change its value.
func (o *evalOrder) placeOperands(e ast.Expr) bool {
	info := o.g.c.info
	switch x := e.(type) {
	case *ast.ParenExpr:
		return o.placeOperands(x.X)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && o.shared(v)
	case *ast.IndexExpr:
		if _, array := info.TypeOf(x.X).Underlying().(*types.Array); array {
			shared := o.placeOperands(x.X)
			o.expr(x.Index)
			return shared
		}
		o.expr(x.X)
		o.expr(x.Index)
		return true
	case *ast.StarExpr:
		o.expr(x.X)
		return true
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && o.g.isPackage(id) {
			return true
		}
		if sel := info.Selections[x]; sel != nil && sel.Indirect() {
			o.expr(x.X)
			return true
		}
		return o.placeOperands(x.X)
	}
	o.expr(e)
	return true
}

// shared reports whether a call could change v: a package's variable, or
// a local one that a function literal refers to or whose address is
// taken.
func (o *evalOrder) shared(v *types.Var) bool {
	if v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return true
	}
	return o.captured[v] || o.addressed[v]
}

// pointerShaped reports whether a value of t is a pointer to the runtime,
// which an interface holds itself: gc does not copy the result of an
// assertion to it.
func pointerShaped(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Chan, *types.Map, *types.Signature:
		return true
	case *types.Basic:
		return t.Underlying().(*types.Basic).Kind() == types.UnsafePointer
	}
	return false
}
