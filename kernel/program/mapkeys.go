package program

import (
	"go/ast"
	"go/types"
)

// canonicalMapKeys passes each key of a map with interface keys through
// the MapKey hook, in a notebook whose values the interpreter boxes:
//
//	seen[k] = true
//
// becomes
//
//	seen[func(__goconc_k any) any { __goconc.MapKey(&__goconc_k); return __goconc_k }(k)] = true
//
// (a key of a concrete type is boxed in the function, from its parameter).
// The interpreter's box holds where its value is stored, so two boxes of
// equal values were two keys: after m[MyInt(1)] = 1, m[MyInt(1)] found
// nothing, and a set of Celsius values held each one once per time it was
// added. The hook gives every key the first box of its type and value; a
// key of a struct or array type holding interfaces (struct{ A any }), the
// first key holding the same. A key of an interface type the notebook
// declares is Yaegi's box itself, which compares where it was made: two
// boxes of time.Second were two keys, and a time.Duration or a *Square
// given as a key panicked (Yaegi did not box it); such keys go through the
// hook in every notebook, a value of a concrete type boxed from a
// parameter.
// Index expressions, delete and the keys of map literals are lowered; it
// runs before copyIntoInterfaces, whose boxing of a key it encloses.
func (g *gen) canonicalMapKeys() {
	boxed := g.hasBoxedTypes()
	keyed := func(t types.Type) (types.Type, bool) {
		key, ok := g.interfaceKey(t)
		return key, ok && (boxed || interpretedInterface(key))
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch x := n.(type) {
		case *ast.IndexExpr:
			if key, ok := keyed(g.c.info.TypeOf(x.X)); ok {
				g.canonicalKey(x.Index, key)
			}
		case *ast.CallExpr:
			if g.isBuiltinNamed(x.Fun, "delete") && len(x.Args) == 2 {
				if key, ok := keyed(g.c.info.TypeOf(x.Args[0])); ok {
					g.canonicalKey(x.Args[1], key)
				}
			}
		case *ast.CompositeLit:
			if key, ok := keyed(g.c.info.TypeOf(x)); ok {
				for _, e := range x.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						g.canonicalKey(kv.Key, key)
					}
				}
			}
		}
		return true
	})
}

// interfaceKey returns the key type of t if t is a map type with
// interface keys.
func (g *gen) interfaceKey(t types.Type) (types.Type, bool) {
	if t == nil {
		return nil, false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isInterface(m.Key()) && !holdsComparedInterface(m.Key()) {
		return nil, false
	}
	return m.Key(), true
}

// holdsComparedInterface reports whether t is a struct or array type with
// an interface among the fields or elements == compares: in it, or in a
// struct or array in it.
func holdsComparedInterface(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Array:
		return holdsComparedInterface(u.Elem())
	case *types.Struct:
		for f := range u.Fields() {
			if f.Name() != "_" && holdsComparedInterface(f.Type()) {
				return true
			}
		}
	}
	return false
}

// canonicalKey lowers the key e of a map whose key type is key, when e may
// hold a box: it is an interface, or of a notebook type the interpreter
// boxes, or a pointer to one with methods (whose box holds where the
// pointer is stored: m[u] = 1 and m[n], n a Named holding u, were two
// keys).
func (g *gen) canonicalKey(e ast.Expr, key types.Type) {
	tv, ok := g.c.info.Types[e]
	if !ok || tv.Type == nil || tv.IsNil() {
		return
	}
	if !isInterface(tv.Type) && isInterface(key) && compiledNamed(key) && g.notebookType(tv.Type) && types.NewMethodSet(tv.Type).Len() > 0 {
		// map[error]int{ErrNotFound: 404} with ErrNotFound of the
		// notebook's: the interpreter hands it to the map in its
		// wrapper, whose methods are functions, which Go's map cannot
		// hash (the cell panicked "hash of unhashable type
		// interp._error").
		g.cannotRun(e.Pos(), "a value of "+g.goName(tv.Type)+" cannot be a key of a map with "+g.goName(key)+
			" keys in goconc: its interpreter hands such a value over in a wrapper that cannot be hashed; key the map by "+g.goName(tv.Type)+" itself, or by a string")
		return
	}
	if !isInterface(tv.Type) && !g.boxedValue(tv.Type) && !g.boxedPointer(tv.Type) && !holdsComparedInterface(tv.Type) && !interpretedInterface(key) {
		return
	}
	typ, ok := g.localType(key)
	if !ok {
		return
	}
	// A key of an interface the notebook declares comes back through a
	// pointer: a box a call returns, Yaegi boxes again, as the caller's
	// memory that the next call overwrites.
	star, result, ret := "", typ, "__goconc_k"
	if interpretedInterface(key) {
		star, result, ret = "*", "*"+typ, "&__goconc_k"
	}
	if isInterface(tv.Type) || !isInterface(key) {
		g.r.Before(e, star+"func(__goconc_k "+typ+") "+result+" { "+HooksName+".MapKey(&__goconc_k); return "+ret+" }(")
		if cl, ok := e.(*ast.CompositeLit); ok && cl.Type == nil {
			g.r.Before(e, typ) // {1, "x"} of map[pair]int{{1, "x"}: 1}
		}
		g.r.After(e, ")")
		return
	}
	// Boxed from a parameter: a box refers to where its value is stored,
	// and the key must not change when the variable it came from does.
	from, ok := g.localType(tv.Type)
	if !ok {
		return
	}
	if g.mapKeys == nil {
		g.mapKeys = map[ast.Expr]bool{}
	}
	g.mapKeys[e] = true // (boxIntoAny leaves it alone)
	g.r.Before(e, star+"func(__goconc_v "+from+") "+result+" { var __goconc_k "+typ+" = __goconc_v; "+HooksName+".MapKey(&__goconc_k); return "+ret+" }(")
	g.r.After(e, ")")
}

// boxedPointer reports whether t is a pointer to one of the notebook's
// types with methods, which the interpreter boxes in an interface.
func (g *gen) boxedPointer(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && g.notebookType(p.Elem()) && !isInterface(p.Elem()) && types.NewMethodSet(t).Len() > 0
}
