package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// fieldsOverMethods selects a field through a hook where a method of the
// same name, promoted from one level deeper, would hide it from the
// interpreter:
//
//	type Svc struct { Logger; Log []string } // a Logger has a Log method
//	s.Log = append(s.Log, "started")
//
// becomes
//
//	(*(*[]string)(__goconc.FieldPointer(&(s), 1))) = append((*(*[]string)(__goconc.FieldPointer(&(s), 1))), "started")
//
// Go selects the shallower of the two, the field (Go's
// test/fixedbugs/bug372.go); the interpreter counts a field's depth one
// more than a method's and refused the cell ("ambiguous selector: Log").
// FieldPointer follows the field's index path by reflect, through
// embedded pointers, and returns the field's address: the selector is a
// variable still, to assign or to call; &s.Log is the address itself.
func (g *gen) fieldsOverMethods() {
	addressed := map[*ast.SelectorExpr]*ast.UnaryExpr{}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr); ok {
				addressed[sel] = u // (&s.Log is the pointer itself)
			}
		}
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		pointer, ok := g.fieldPointer(sel)
		if !ok {
			return true
		}
		if u := addressed[sel]; u != nil {
			g.r.Replace(u, pointer)
		} else {
			g.r.Replace(sel, func() string { return "(*" + pointer() + ")" })
		}
		return true
	})
}

// fieldPointer returns, if sel selects a field that the interpreter would
// take for a method one level deeper, the expression of its address.
func (g *gen) fieldPointer(sel *ast.SelectorExpr) (func() string, bool) {
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || hasTypeParams(s.Recv()) || hasTypeParams(s.Obj().Type()) {
		return nil, false
	}
	depth := len(s.Index()) - 1
	if interpreterMethodDepth(s.Recv(), sel.Sel.Name, map[types.Type]bool{}) != depth+1 {
		return nil, false
	}
	path := make([]string, len(s.Index()))
	for i, x := range s.Index() {
		path[i] = strconv.Itoa(x)
	}
	_, pointer := s.Recv().Underlying().(*types.Pointer)
	addressable := g.c.info.Types[sel.X].Addressable()
	field, ok1 := g.localType(s.Obj().Type())
	recv, ok2 := g.localType(s.Recv())
	if !ok1 || !ok2 {
		return nil, false // (a type the cell cannot write: as it is)
	}
	return func() string {
		x := g.r.Source(sel.X)
		switch {
		case pointer:
		case addressable:
			x = "&(" + x + ")"
		default:
			// (a copy of a value that has no address: a call's result)
			x = "func(v " + recv + ") *" + recv + " { return &v }(" + x + ")"
		}
		return "(*" + field + ")(" + HooksName + ".FieldPointer(" + x + ", " + strings.Join(path, ", ") + "))"
	}, true
}

// fieldPointerOf is fieldPointer of e, if e is a selector.
func (g *gen) fieldPointerOf(e ast.Expr) (func() string, bool) {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		return g.fieldPointer(sel)
	}
	return nil, false
}

// interpreterMethodDepth is the depth at which the interpreter finds a
// method called name for a value of type t, as its lookupMethod does:
// depth first, in the order of the embedded fields; -1 if it finds none.
func interpreterMethodDepth(t types.Type, name string, seen map[types.Type]bool) int {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if seen[t] {
		return -1
	}
	seen[t] = true
	if named, ok := types.Unalias(t).(*types.Named); ok {
		for m := range named.Methods() {
			if m.Name() == name {
				return 0
			}
		}
		if compiledNamed(named) {
			// (the interpreter asks reflect, whose method sets hold the
			// promoted methods too)
			if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), true, nil, name); obj != nil {
				if _, ok := obj.(*types.Func); ok {
					return 0
				}
			}
			return -1
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for f := range u.Fields() {
			if !f.Embedded() {
				continue
			}
			if d := interpreterMethodDepth(f.Type(), name, seen); d >= 0 {
				return d + 1
			}
		}
	case *types.Interface:
		for m := range u.Methods() {
			if m.Name() == name {
				return 0
			}
		}
	}
	return -1
}

// hasTypeParams reports whether t is or holds a type parameter: such a
// type cannot be spelled outside its generic function.
func hasTypeParams(t types.Type) bool {
	found := false
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if found || depth > 8 {
			return
		}
		switch t := types.Unalias(t).(type) {
		case *types.TypeParam:
			found = true
		case *types.Pointer:
			walk(t.Elem(), depth+1)
		case *types.Slice:
			walk(t.Elem(), depth+1)
		case *types.Array:
			walk(t.Elem(), depth+1)
		case *types.Chan:
			walk(t.Elem(), depth+1)
		case *types.Map:
			walk(t.Key(), depth+1)
			walk(t.Elem(), depth+1)
		case *types.Named:
			for a := range t.TypeArgs().Types() {
				walk(a, depth+1)
			}
		case *types.Signature:
			for v := range t.Params().Variables() {
				walk(v.Type(), depth+1)
			}
			for v := range t.Results().Variables() {
				walk(v.Type(), depth+1)
			}
		case *types.Struct:
			for f := range t.Fields() {
				walk(f.Type(), depth+1)
			}
		}
	}
	walk(t, 0)
	return found
}
