package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// spellCompiledUnderlying declares a type defined from a compiled type
// that has methods with that type's underlying type, written out:
//
//	type dur time.Duration      becomes    type dur int64
//	type hdr http.Header        becomes    type hdr map[string][]string
//	type stamp time.Time        becomes    type stamp struct{ wall uint64; ext int64; loc *time.Location }
//
// A defined type has none of the methods of the type it is defined from,
// but the interpreter gave it the compiled type's reflect type, and so
// that type's methods: fmt printed a dur with its own String method as
// time.Duration's (1.5µs for 1500 ticks), a dur in an fmt.Stringer called
// Duration's String, a dur without methods printed as 1s where Go prints
// 1000000000, and a stamp in a json.Marshaler called time.Time's
// MarshalJSON. A struct's fields keep their names and types, but a field
// of a type another package does not export has that type's underlying
// type, laid out alike; conversions between such a struct type and the
// compiled one go through a hook (relayouts). An embedded interface is
// named, as forwarders.go names those the notebook writes.
//
// A type whose underlying type holds what a cell cannot write at all (an
// interface with unexported methods of another package, an embedded field
// of an unexported type) fails the cell with a message naming it.
func (g *gen) spellCompiledUnderlying() {
	g.walk(func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		named, ok := g.compiledBase(ts)
		if !ok {
			return true
		}
		text, ok := g.layoutSpelling(named.Underlying(), ts.Name.Name, nil)
		if !ok {
			base := types.TypeString(named, (*types.Package).Name)
			g.cannotRun(ts.Type.Pos(), fmt.Sprintf("goconc cannot declare %s from %s: %s holds a type that package %s does not export, which a cell cannot write, and the interpreter would give %s the methods of %s; hold one in a field instead (type %s struct{ v %s })",
				ts.Name.Name, base, base, named.Obj().Pkg().Name(), ts.Name.Name, base, ts.Name.Name, base))
			return true
		}
		g.r.Replace(ts.Type, func() string { return text })
		return true
	})
}

// compiledBase returns the compiled named type, with methods and not an
// interface, that ts defines a type from.
func (g *gen) compiledBase(ts *ast.TypeSpec) (*types.Named, bool) {
	if ts.Assign.IsValid() || ts.Name.Name == "_" || ts.TypeParams != nil {
		return nil, false
	}
	tv, ok := g.c.info.Types[ts.Type]
	if !ok || !tv.IsType() {
		return nil, false
	}
	named, ok := types.Unalias(tv.Type).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg() == g.c.pkg || isInterface(named) {
		return nil, false
	}
	if types.NewMethodSet(types.NewPointer(named)).Len() == 0 {
		return nil, false
	}
	return named, true
}

// layoutSpelling writes t as a cell can: as it is where it names what
// the cell may name, a type another package does not export as its
// underlying type. A pointer, function, map or channel whose type cannot
// be written so (a type that holds itself: json's scanner holds a
// func(*scanner, byte) int) is an unsafe.Pointer, of the same layout. The
// first field of a struct t gets the tag of name, as tagStructs gives a
// declared struct's. expanding holds the named types on the way to t.
func (g *gen) layoutSpelling(t types.Type, name string, expanding map[*types.Named]bool) (string, bool) {
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() == nil || t.Obj().Pkg() == g.c.pkg || t.Obj().Exported() && spellable(t) && g.reachable(t) {
			if s, ok := g.localType(t); ok {
				return s, true
			}
		}
		if expanding[t] {
			return "", false
		}
		if expanding == nil {
			expanding = map[*types.Named]bool{}
		}
		expanding[t] = true
		defer delete(expanding, t)
		return g.layoutSpelling(t.Underlying(), "", expanding)
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return g.unsafePointer(), true
		}
		return t.Name(), true
	case *types.Slice:
		s, ok := g.layoutSpelling(t.Elem(), "", expanding)
		return "[]" + s, ok
	case *types.Array:
		s, ok := g.layoutSpelling(t.Elem(), "", expanding)
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + s, ok
	case *types.Interface:
		if !spellable(t) {
			return "", false
		}
		return g.localType(t)
	case *types.Struct:
		return g.structLayout(t, name, expanding)
	}
	// A pointer, function, map or channel.
	if s, ok := g.pointerLayout(t, expanding); ok {
		return s, true
	}
	return g.unsafePointer(), true
}

// pointerLayout writes a pointer, function, map or channel type as
// layoutSpelling says, if it can.
func (g *gen) pointerLayout(t types.Type, expanding map[*types.Named]bool) (string, bool) {
	switch t := t.(type) {
	case *types.Pointer:
		s, ok := g.layoutSpelling(t.Elem(), "", expanding)
		return "*" + s, ok
	case *types.Chan:
		s, ok := g.layoutSpelling(t.Elem(), "", expanding)
		return strings.TrimSuffix(types.TypeString(types.NewChan(t.Dir(), types.Typ[types.Int]), nil), "int") + s, ok
	case *types.Map:
		k, ok := g.layoutSpelling(t.Key(), "", expanding)
		if !ok {
			return "", false
		}
		s, ok := g.layoutSpelling(t.Elem(), "", expanding)
		return "map[" + k + "]" + s, ok
	case *types.Signature:
		list := func(tup *types.Tuple, variadic bool) (string, bool) {
			var parts []string
			for i := range tup.Len() {
				t, prefix := tup.At(i).Type(), ""
				if variadic && i == tup.Len()-1 {
					t, prefix = t.(*types.Slice).Elem(), "..."
				}
				s, ok := g.layoutSpelling(t, "", expanding)
				if !ok {
					return "", false
				}
				parts = append(parts, prefix+s)
			}
			return strings.Join(parts, ", "), true
		}
		params, ok := list(t.Params(), t.Variadic())
		if !ok {
			return "", false
		}
		results, ok := list(t.Results(), false)
		return "func(" + params + ") (" + results + ")", ok
	}
	return "", false
}

// unsafePointer spells unsafe.Pointer, importing unsafe for the cell.
func (g *gen) unsafePointer() string {
	for _, im := range g.u.next.imports {
		if im.Path == "unsafe" && im.Name != "_" && im.Name != "." {
			return im.Name + ".Pointer"
		}
	}
	const name = "__goconc_unsafe"
	g.u.next.imports = append(g.u.next.imports, &Import{Name: name, Path: "unsafe", Auto: true})
	return name + ".Pointer"
}

// structLayout writes struct type st as layoutSpelling says.
func (g *gen) structLayout(st *types.Struct, name string, expanding map[*types.Named]bool) (string, bool) {
	var fields []string
	for i := range st.NumFields() {
		f := st.Field(i)
		typ, ok := g.layoutSpelling(f.Type(), "", expanding)
		if !ok {
			return "", false
		}
		fname := f.Name()
		if fname == "_" {
			fname = "__goconc_b" + strconv.Itoa(i) // (see nameBlankFields)
		}
		field := fname + " " + typ
		embedded := ""
		if f.Embedded() {
			if isInterface(f.Type()) {
				embedded = embeddedInterface
			} else if s, ok := g.localType(f.Type()); ok && spellable(f.Type()) && g.reachable(deref(f.Type())) {
				field = s
				if embedsStruct(f.Type()) {
					embedded = embeddedStruct
				}
			} else {
				// Written as a named field: fine unless it promotes
				// methods a program may call.
				for m := range types.NewMethodSet(types.NewPointer(deref(f.Type()))).Methods() {
					if m.Obj().Exported() {
						return "", false
					}
				}
			}
		}
		first := ""
		if i == 0 {
			first = name
		}
		if tag := fieldTag(reflect.StructTag(st.Tag(i)), !f.Exported() && !f.Embedded(), first, embedded); tag != "" {
			field += " " + strconv.Quote(tag)
		}
		fields = append(fields, field)
	}
	return "struct{ " + strings.Join(fields, "; ") + " }", true
}

// reachable reports whether t, if a named type of another package, is
// the type a cell names by its package and name: goconc's lib/sync stands
// in for package sync, whose own Mutex (which lib's Mutex holds) no cell
// can name.
func (g *gen) reachable(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg() == g.c.pkg {
		return true
	}
	path := n.Obj().Pkg().Path()
	if std, ok := g.p.imp.ReexportedBy(path); ok {
		path = std
	}
	pkg, err := g.p.imp.Import(path)
	if err != nil {
		return false
	}
	obj, ok := pkg.Scope().Lookup(n.Obj().Name()).(*types.TypeName)
	return ok && types.Identical(obj.Type(), n.Origin())
}

// spellable reports whether a cell can write t as it is: every named type
// in it is exported (a struct's unexported fields, or an unexported type
// of another package, cannot be written outside it).
func spellable(t types.Type) bool {
	ok := true
	eachType(t, func(t types.Type) bool {
		switch t := t.(type) {
		case *types.Alias:
			if !t.Obj().Exported() && t.Obj().Pkg() != nil {
				ok = false // (spelled by its name)
			}
		case *types.Named:
			// (an instance the importer met only in reflect has its type
			// arguments in its name: Pointer[pkg/path.t])
			if !t.Obj().Exported() && t.Obj().Pkg() != nil || strings.Contains(t.Obj().Name(), "[") {
				ok = false
			}
		case *types.Struct:
			for f := range t.Fields() {
				ok = ok && f.Exported()
			}
		case *types.Interface:
			for m := range t.Methods() {
				ok = ok && m.Exported()
			}
		}
		return ok
	})
	return ok
}

// relayouts writes the conversions between a struct type that
// spellCompiledUnderlying wrote out and the compiled one, or between
// pointers to them, as calls of a hook that reads the one's memory as the
// other's:
//
//	time.Time(s)    becomes    func() (__goconc_c time.Time) { __goconc.Relayout(&__goconc_c, s); return }()
//
// The interpreter's struct has fields of its own names, so reflect does
// not convert it ("cannot convert expression of type main.rw to type
// bufio.ReadWriter").
func (g *gen) relayouts() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
			return true
		}
		tv, ok := g.c.info.Types[call.Fun]
		if !ok || !tv.IsType() {
			return true
		}
		from := g.c.info.TypeOf(call.Args[0])
		if from == nil || !g.relaidConversion(from, tv.Type) {
			return true
		}
		to, ok := g.localType(tv.Type)
		if !ok {
			return true
		}
		g.r.ReplaceRange(call.Pos(), call.Args[0].Pos(), "func() (__goconc_c "+to+") { "+HooksName+".Relayout(&__goconc_c, ")
		g.r.ReplaceRange(call.Args[0].End(), call.End(), "); return }()")
		return true
	})
}

// relaidConversion reports whether a conversion from type from to type to
// is one relayouts writes: one of them a compiled named struct type (or a
// pointer to one), the other a type the notebook defines from it.
func (g *gen) relaidConversion(from, to types.Type) bool {
	if types.Identical(from, to) {
		return false
	}
	if pf, ok := from.Underlying().(*types.Pointer); ok {
		pt, ok := to.Underlying().(*types.Pointer)
		if !ok {
			return false
		}
		from, to = pf.Elem(), pt.Elem()
		if types.Identical(from, to) {
			return false
		}
	}
	if _, ok := from.Underlying().(*types.Struct); !ok || !types.IdenticalIgnoreTags(from.Underlying(), to.Underlying()) {
		return false
	}
	compiled := func(t types.Type) bool {
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() != nil && n.Obj().Pkg() != g.c.pkg
	}
	declared := func(t types.Type) bool {
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() == g.c.pkg && n.TypeArgs().Len() == 0
	}
	return compiled(from) && declared(to) || declared(from) && compiled(to)
}
