package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// devirtualizer knows which calls of interface methods gc makes as direct
// calls of a concrete type's method, as Go 1.26's
// cmd/compile/internal/devirtualize does: where the receiver is, through
// conversions, assertions and parentheses, a local variable that is never
// addressed and that every assignment (but of nil) gives one concrete
// type. The difference can be seen: the direct call of a value method
// through a nil pointer panics as a nil dereference, the interface's
// "value method main.T.M called using nil *T pointer" (nilreceivers.go).
//
// gc also sees what a function it inlines is given and returns: the
// interface a small constructor returns, the parameter of a small
// function given a *T. Whether it inlines depends on its budget (80
// nodes, a call of what it does not inline costing 57), which mayInline
// estimates; where it may, the call is said to be unsure, and left as
// the interpreter makes it (the dereference, which is what gc's inlined
// code does).
type devirtualizer struct {
	g         *gen
	assigned  map[*types.Var][]assignment
	addressed map[*types.Var]bool
	params    map[*types.Var]ast.Node // parameters and results, to their function
	direct    map[*ast.FuncLit]bool   // function literals called where they are
	decls     map[*types.Func]*ast.FuncDecl
	inlinable map[ast.Node]bool
}

// assignment is what a variable is assigned: an expression to follow, a
// call's result, or a type (nil if unknown).
type assignment struct {
	expr   ast.Expr
	call   *ast.CallExpr
	result int // which of call's results
	typ    types.Type
	def    bool // the variable's definition
}

// devirtualizer returns the gen's devirtualizer, made once: the
// assignments of every local variable of the notebook's functions.
func (g *gen) devirtualizer() *devirtualizer {
	if g.devirt == nil {
		g.devirt = g.newDevirtualizer()
	}
	return g.devirt
}

func (g *gen) newDevirtualizer() *devirtualizer {
	d := &devirtualizer{g: g, assigned: map[*types.Var][]assignment{}, addressed: map[*types.Var]bool{},
		params: map[*types.Var]ast.Node{}, direct: map[*ast.FuncLit]bool{}, decls: map[*types.Func]*ast.FuncDecl{}, inlinable: map[ast.Node]bool{}}
	info := g.c.info
	for _, decl := range g.c.file.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok {
			if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
				d.decls[fn] = fd
			}
		}
	}
	for _, decl := range g.c.file.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		var fns []ast.Node // the functions n is in
		ast.Inspect(fd, func(n ast.Node) bool {
			if n == nil {
				return true
			}
			for len(fns) > 0 && n.Pos() >= fns[len(fns)-1].End() {
				fns = fns[:len(fns)-1]
			}
			switch x := n.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				fns = append(fns, x)
			case *ast.CallExpr:
				if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
					d.direct[lit] = true
				}
			case *ast.FuncType:
				for _, fl := range []*ast.FieldList{x.Params, x.Results} {
					if fl == nil || len(fns) == 0 {
						continue
					}
					for _, f := range fl.List {
						for _, id := range f.Names {
							if v, ok := info.Defs[id].(*types.Var); ok {
								d.params[v] = fns[len(fns)-1]
							}
						}
					}
				}
			case *ast.AssignStmt:
				d.assignList(x.Lhs, x.Rhs)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(x.Names))
				for i, id := range x.Names {
					lhs[i] = id
				}
				d.assignList(lhs, x.Values)
			case *ast.RangeStmt:
				var key, value types.Type
				switch t := deref(info.TypeOf(x.X)).Underlying().(type) {
				case *types.Slice:
					value = t.Elem()
				case *types.Array:
					value = t.Elem()
				case *types.Chan:
					key = t.Elem()
				case *types.Map:
					key, value = t.Key(), t.Elem()
				}
				d.assign(x.Key, assignment{typ: key})
				d.assign(x.Value, assignment{typ: value})
			case *ast.TypeSwitchStmt:
				guard := typeSwitchGuard(x)
				for _, c := range x.Body.List {
					if v, ok := info.Implicits[c].(*types.Var); ok && guard != nil {
						d.assignVar(v, assignment{expr: guard})
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(x.X).(*ast.Ident); x.Op == token.AND && ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						d.addressed[v] = true
					}
				}
			}
			return true
		})
	}
	return d
}

// typeSwitchGuard returns x of switch v := x.(type).
func typeSwitchGuard(s *ast.TypeSwitchStmt) ast.Expr {
	var e ast.Expr
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		e = a.Rhs[0]
	case *ast.ExprStmt:
		e = a.X
	}
	if ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr); ok {
		return ta.X
	}
	return nil
}

// assignList records lhs = rhs.
func (d *devirtualizer) assignList(lhs, rhs []ast.Expr) {
	info := d.g.c.info
	if len(lhs) == len(rhs) {
		for i := range lhs {
			r := ast.Unparen(rhs[i])
			if info.Types[r].IsNil() {
				continue // gc ignores nil: the call would panic anyway
			}
			if call, ok := r.(*ast.CallExpr); ok && !info.Types[call.Fun].IsType() {
				d.assign(lhs[i], assignment{call: call, typ: info.TypeOf(call)})
				continue
			}
			d.assign(lhs[i], assignment{expr: r})
		}
		return
	}
	if len(rhs) != 1 {
		return
	}
	switch r := ast.Unparen(rhs[0]).(type) {
	case *ast.CallExpr:
		if t, ok := info.TypeOf(r).(*types.Tuple); ok {
			for i := range min(len(lhs), t.Len()) {
				d.assign(lhs[i], assignment{call: r, result: i, typ: t.At(i).Type()})
			}
		}
	case *ast.TypeAssertExpr:
		d.assign(lhs[0], assignment{expr: r})
	case *ast.IndexExpr:
		if m, ok := info.TypeOf(r.X).Underlying().(*types.Map); ok {
			d.assign(lhs[0], assignment{typ: m.Elem()})
		}
	case *ast.UnaryExpr:
		if c, ok := info.TypeOf(r.X).Underlying().(*types.Chan); ok {
			d.assign(lhs[0], assignment{typ: c.Elem()})
		}
	}
}

func (d *devirtualizer) assign(lhs ast.Expr, a assignment) {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if lhs == nil || !ok || id.Name == "_" {
		return
	}
	v, ok := d.g.c.info.Defs[id].(*types.Var)
	a.def = ok
	if !ok {
		v, ok = d.g.c.info.Uses[id].(*types.Var)
	}
	if ok {
		d.assignVar(v, a)
	}
}

func (d *devirtualizer) assignVar(v *types.Var, a assignment) {
	d.assigned[v] = append(d.assigned[v], a)
}

// only returns the value local variable v is defined with (not a call's
// result), if it is never assigned another nor its address taken.
func (d *devirtualizer) only(v *types.Var) ast.Expr {
	_, param := d.params[v]
	if as := d.assigned[v]; len(as) == 1 && as[0].def && !d.addressed[v] && !param {
		return as[0].expr
	}
	return nil
}

// devirtualized reports whether gc may call a method of recv, an
// interface, as the method of a concrete type it knows recv holds.
func (d *devirtualizer) devirtualized(recv ast.Expr) bool {
	k := d.concrete(recv, map[*types.Var]bool{})
	if k.unsure {
		return true
	}
	if k.t == nil || k.none {
		return false
	}
	iface, ok := d.g.c.info.TypeOf(recv).Underlying().(*types.Interface)
	return ok && types.Implements(k.t, iface)
}

// knowledge is what gc knows of an interface's dynamic type: t, or
// nothing (t nil); none for a variable only ever nil, or one whose
// assignments lead back to itself; unsure where it may know a type,
// having inlined a function.
type knowledge struct {
	t      types.Type
	none   bool
	unsure bool
}

// concrete returns what gc knows of e's concrete type (concreteType1).
func (d *devirtualizer) concrete(e ast.Expr, seen map[*types.Var]bool) knowledge {
	info := d.g.c.info
	for {
		if t := info.TypeOf(e); t == nil || !isInterface(t) {
			return knowledge{t: t}
		}
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
			continue
		case *ast.TypeAssertExpr:
			e = x.X
			continue
		case *ast.CallExpr:
			if info.Types[x.Fun].IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			return d.result(x, 0)
		}
		break
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return knowledge{}
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || d.addressed[v] {
		return knowledge{}
	}
	if fn, ok := d.params[v]; ok {
		// Inlined, gc assigns the argument to the parameter.
		lit, isLit := fn.(*ast.FuncLit)
		return knowledge{unsure: (!isLit || d.direct[lit]) && d.mayInline(fn)}
	}
	if seen[v] {
		return knowledge{none: true}
	}
	seen[v] = true
	var typ types.Type
	for _, a := range d.assigned[v] {
		k := knowledge{t: a.typ}
		switch {
		case a.expr != nil:
			k = d.concrete(a.expr, seen)
		case a.call != nil && isInterface(a.typ):
			k = d.result(a.call, a.result)
		}
		if k.none {
			continue
		}
		if k.unsure {
			return k
		}
		at := k.t
		if at == nil || isInterface(at) || typ != nil && !types.Identical(typ, at) {
			return knowledge{}
		}
		typ = at
	}
	return knowledge{t: typ, none: typ == nil}
}

// result returns what gc knows of result i of call: if it may inline
// the function, what its return statements give, all of one type or not.
func (d *devirtualizer) result(call *ast.CallExpr, i int) knowledge {
	fd, may := d.inlined(call)
	if !may {
		return knowledge{}
	}
	if fd == nil {
		return knowledge{unsure: true}
	}
	var out knowledge
	none := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(x.Results) != fd.Type.Results.NumFields() || out.unsure {
				out = knowledge{unsure: true} // a bare return, or f(g())
				return false
			}
			k := d.concrete(x.Results[i], map[*types.Var]bool{})
			switch {
			case k.none:
			case k.unsure || k.t == nil:
				out, none = k, false
			case none:
				out, none = k, false
			case out.t != nil && !types.Identical(out.t, k.t):
				out = knowledge{}
			}
		}
		return true
	})
	if none {
		return knowledge{none: true}
	}
	return out
}

// inlined returns the declaration of the function call calls and whether
// gc may inline it: one of the notebook's (gc inlines compiled ones too,
// but they return none of the notebook's types). An instance of a
// generic function, or one whose body is not in hand, may be, with no
// declaration.
func (d *devirtualizer) inlined(call *ast.CallExpr) (*ast.FuncDecl, bool) {
	var fn *types.Func
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		fn, _ = d.g.c.info.Uses[f].(*types.Func)
	case *ast.SelectorExpr:
		if s := d.g.c.info.Selections[f]; s != nil && s.Kind() == types.MethodVal && !isInterface(s.Recv()) {
			fn, _ = s.Obj().(*types.Func)
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		return nil, true
	}
	if fn == nil || fn.Pkg() != d.g.c.pkg {
		return nil, false
	}
	fd := d.decls[fn.Origin()]
	if fd == nil || fd.Body == nil || isGenericDecl(fd) {
		return nil, true
	}
	return fd, d.mayInline(fd)
}

// mayInline reports whether gc may inline fn, a function declaration or
// literal: its body has no defer, go or recover, does not call itself,
// and costs at most 80, counting a node 1 and a call of a function that
// is not the notebook's, or of an interface's method, 57 (inl.go's
// hairyVisitor). The count errs towards inlining.
func (d *devirtualizer) mayInline(fn ast.Node) bool {
	if ok, seen := d.inlinable[fn]; seen {
		return ok
	}
	d.inlinable[fn] = true // (while it is costed)
	body := funcBody(fn)
	var self *types.Func
	if fd, ok := fn.(*ast.FuncDecl); ok {
		self, _ = d.g.c.info.Defs[fd.Name].(*types.Func)
	}
	cost, blocked := 0, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case nil:
			return false
		case *ast.DeferStmt, *ast.GoStmt:
			blocked = true
		case *ast.CallExpr:
			if d.g.isBuiltinNamed(x.Fun, "recover") {
				blocked = true
			}
			if d.calls(x, self) {
				blocked = true // gc inlines no recursive function
			}
			if d.costlyCall(x) {
				cost += 57
			}
		}
		cost++
		return !blocked
	})
	ok := !blocked && cost <= 80
	d.inlinable[fn] = ok
	return ok
}

// calls reports whether call calls fn.
func (d *devirtualizer) calls(call *ast.CallExpr, fn *types.Func) bool {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fn != nil && d.g.c.info.Uses[f] == fn
	case *ast.SelectorExpr:
		return fn != nil && d.g.c.info.Uses[f.Sel] == fn
	}
	return false
}

// costlyCall reports whether gc counts call 57: a call it does not
// inline, of a compiled function (most that a notebook calls, fmt's and
// strings', are) or of an interface's method.
func (d *devirtualizer) costlyCall(call *ast.CallExpr) bool {
	info := d.g.c.info
	if info.Types[call.Fun].IsType() {
		return false
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		switch o := info.Uses[f].(type) {
		case *types.Builtin:
			return false
		case *types.Func:
			return o.Pkg() != d.g.c.pkg
		}
	case *ast.SelectorExpr:
		if s := info.Selections[f]; s != nil && s.Kind() == types.MethodVal {
			fn, _ := s.Obj().(*types.Func)
			return isInterface(s.Recv()) || fn == nil || fn.Pkg() != d.g.c.pkg
		}
	}
	return true
}
