package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"
)

// A struct that embeds an interface, or a type of a compiled package with
// methods, takes their methods:
//
//	type codeErr struct{ error; code int }
//	type upper struct{ io.Writer }
//	type traced struct{ context.Context; name string }
//	type Buf struct{ bytes.Buffer; writes int }
//
// Yaegi builds the struct with reflect.StructOf and an embedded interface
// Anonymous, and StructOf gives the struct stand-ins for the interface's
// methods that panic: fmt.Fprintln(upper{os.Stdout}, "x") panicked with
// "reflect: StructOf does not support methods of embedded interfaces", an
// error or a context handed to compiled code with "method not found:
// Error". The methods of an embedded compiled type it did not count as
// the struct's where an interface needs them: fmt.Fprintf(&buf, ...) was
// "cannot use type *main.Buf as type io.Writer".
//
// An embedded interface field gets its name, and the struct a method per
// promoted method, which calls the field's through a variable:
//
//	type codeErr struct{ error error; code int }
//	var __goconc_f_codeErr_Error func(codeErr) string
//	func (__goconc_r codeErr) Error() string { return __goconc_f_codeErr_Error(__goconc_r) }
//	__goconc_f_codeErr_Error = func(__goconc_r codeErr) string { return __goconc_r.error.Error() }
//
// Selectors and composite literals mean what they meant (the field has the
// name the embedding gave it), the methods are the interpreter's own, and
// the tag goconcembedded:"interface" (tagStructs) keeps the field embedded
// to reflect (kernel/fieldnames). An embedded compiled type keeps its
// field as it is and gets the same methods. Forwarders exist for the
// methods Go promotes: none the struct declares itself or that two fields
// promote at one depth (types.NewMethodSet decides), on the value where Go
// has them on the value (all of an interface's), else on the pointer. The
// interpreter cannot drop a method, and calls the one of a name declared
// first: a method a later cell declares in a forwarder's place gets the
// variable pointed at it (redirectForwarder), but one on the pointer in
// the place of a forwarder on the value would be called with a copy, and
// the type is emitted again without the forwarder, in a fresh interpreter
// (forwardedBy, in plan). Calls in cells go through the field
// (selectEmbeddedInterfaces), not the forwarder.

// forwardedFields returns the embedded fields of the struct type ts
// declares whose methods get forwarders, by field index: interfaces, whose
// methods compiled code called StructOf's stand-ins for, and named types
// of compiled packages with methods (bytes.Buffer, *log.Logger, time.Time,
// sync.Mutex), whose methods the interpreter did not count as the
// struct's where an interface needs them (fmt.Fprintf(&buf, ...),
// sync.NewCond(q), fmt.Println(stamp)); and one of the notebook's types
// that promotes a method another embedded field promotes from further
// down, which the interpreter took (shadowsDeeper). Only package-level, non-generic
// struct types of the notebook have them, and not one that embeds an
// interface with an unexported method of another package, which no
// method can be written for.
func (g *gen) forwardedFields(ts *ast.TypeSpec) map[int]*types.Var {
	if ts.TypeParams != nil || ts.Assign.IsValid() || ts.Name.Name == "_" {
		return nil
	}
	obj, ok := g.c.info.Defs[ts.Name].(*types.TypeName)
	if !ok || obj.Parent() != g.c.pkg.Scope() {
		return nil
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out map[int]*types.Var
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() || !g.forwardable(f.Type()) && !shadowsDeeper(obj.Type(), i) {
			continue
		}
		if iface, ok := f.Type().Underlying().(*types.Interface); ok {
			for m := range iface.Methods() {
				if !m.Exported() && m.Pkg() != g.c.pkg {
					return nil
				}
			}
		}
		if out == nil {
			out = map[int]*types.Var{}
		}
		out[i] = f
	}
	return out
}

// forwardable reports whether an embedded field of type t gets
// forwarders: an interface with methods, or a compiled package's named
// non-generic type, or a pointer to one, with methods.
func (g *gen) forwardable(t types.Type) bool {
	if iface, ok := t.Underlying().(*types.Interface); ok {
		return iface.NumMethods() > 0
	}
	named, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg() == g.c.pkg || named.TypeArgs().Len() > 0 {
		return false
	}
	return types.NewMethodSet(types.NewPointer(named)).Len() > 0
}

// nameEmbeddedInterfaces gives the embedded interface fields of the
// notebook's struct types their names (see forwardedFields).
func (g *gen) nameEmbeddedInterfaces() {
	g.walk(func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			for f, name := range g.embeddedInterfaceNames(ts) {
				g.r.Before(f.Type, name+" ")
			}
		}
		return true
	})
}

// embeddedInterfaceNames returns the embedded interface fields of the
// struct type ts declares that get their names, with the names.
func (g *gen) embeddedInterfaceNames(ts *ast.TypeSpec) map[*ast.Field]string {
	fields := g.forwardedFields(ts)
	st, ok := ts.Type.(*ast.StructType)
	if fields == nil || !ok {
		// A type defined from another struct type (type Employee Person)
		// has the fields that type's declaration names, or that
		// spellCompiledUnderlying writes named.
		return nil
	}
	out := map[*ast.Field]string{}
	i := 0
	for _, f := range st.Fields.List {
		if v := fields[i]; v != nil && len(f.Names) == 0 && isInterface(v.Type()) {
			out[f] = v.Name()
		}
		i += max(1, len(f.Names))
	}
	return out
}

// forwarders writes the methods of the types gd declares that call the
// promoted methods of their embedded fields: each a stub, on the value or
// the pointer as Go's method sets have it (Yaegi checks an assertion
// err.(codeErr) by the receiver of the method it finds), calling a
// variable that holds the body.
func (g *gen) forwarders(gd *ast.GenDecl) {
	for _, spec := range gd.Specs {
		ts := spec.(*ast.TypeSpec)
		fields := g.forwardedFields(ts)
		if fields == nil {
			continue
		}
		named := g.c.info.Defs[ts.Name].(*types.TypeName).Type()
		values := types.NewMethodSet(named)
		var decls, assigns []string
		for sel := range types.NewMethodSet(types.NewPointer(named)).Methods() {
			idx := sel.Index()
			if len(idx) != 2 || fields[idx[0]] == nil {
				continue // declared, or promoted from further down
			}
			m := sel.Obj().(*types.Func)
			if !m.Exported() && m.Pkg() != g.c.pkg {
				continue // no program can call it
			}
			sig, ok := g.forwarderSignature(m.Signature())
			if !ok {
				continue // a type no cell can spell: the method stays the interpreter's
			}
			hidden := forwarderVar(ts.Name.Name, m.Name())
			recv := "*" + ts.Name.Name
			if values.Lookup(m.Pkg(), m.Name()) != nil {
				recv = ts.Name.Name // Go has it on the value too
			}
			decls = append(decls, fmt.Sprintf("var %s func(%s%s) %s\nfunc (__goconc_r %s) %s(%s) %s { %s%s(%s) }\n",
				hidden, recv, sig.types, sig.results,
				recv, m.Name(), sig.params, sig.results, sig.ret, hidden, "__goconc_r"+sig.args))
			assigns = append(assigns, fmt.Sprintf("%s = func(__goconc_r %s%s) %s { %s__goconc_r.%s.%s(%s) }\n",
				hidden, recv, sig.commaParams(), sig.results, sig.ret, fields[idx[0]].Name(), m.Name(), strings.TrimPrefix(sig.args, ", ")))
		}
		sort.Strings(decls)
		sort.Strings(assigns)
		g.decls.WriteString(strings.Join(decls, ""))
		g.assigns.WriteString(strings.Join(assigns, ""))
	}
}

// forwarderVar names the variable holding the body of a forwarder.
func forwarderVar(recv, method string) string {
	return "__goconc_f_" + recv + "_" + method
}

// spelledSignature is a method's signature written out for a forwarder:
// params as "p0 T0, p1 ...T1", types as ", T0, ...T1" and args as
// ", p0, p1..." (after a receiver), results as "(R0, R1)", ret "return "
// if there are results.
type spelledSignature struct {
	params, types, args, results, ret string
}

func (s spelledSignature) commaParams() string {
	if s.params == "" {
		return ""
	}
	return ", " + s.params
}

// forwarderSignature spells sig, if every type in it can be.
func (g *gen) forwarderSignature(sig *types.Signature) (spelledSignature, bool) {
	var out spelledSignature
	var params []string
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		name := fmt.Sprintf("__goconc_p%d", i)
		dots := ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t, dots = t.(*types.Slice).Elem(), "..."
		}
		typ, ok := g.localType(t)
		if !ok {
			return out, false
		}
		params = append(params, name+" "+dots+typ)
		out.types += ", " + dots + typ
		out.args += ", " + name + dots
	}
	out.params = strings.Join(params, ", ")
	results, ok := g.localTypes(sig.Results())
	if !ok {
		return out, false
	}
	switch len(results) {
	case 0:
	case 1:
		out.results, out.ret = results[0], "return "
	default:
		out.results, out.ret = "("+strings.Join(results, ", ")+")", "return "
	}
	return out, true
}

// forwardedBy reports whether a method that fd declares takes the place
// of a forwarder of an earlier cell's type, and whether in place: one of
// the promoted method's signature is emitted as any method and
// redirectForwarder points the forwarder at it, unless it is on the
// pointer where the forwarder is on the value (the interpreter would call
// the forwarder with a copy); that one, and one of another signature,
// need the type emitted again, without the forwarder.
func (g *gen) forwardedBy(fd *ast.FuncDecl) (replaces, inPlace bool) {
	onValue, identical, ok := g.replacedForwarder(fd)
	if !ok {
		return false, false
	}
	_, pointer := g.forwardedReceiver(fd)
	return true, identical && !(onValue && pointer)
}

// replacedForwarder returns, for a method fd of an earlier cell's struct
// type in the place of a promoted one, whether that method's forwarder is
// on the value, whether fd has its signature, and whether there is one:
// there is if exactly one embedded field had the method (else it was
// ambiguous, and not promoted), one with forwarders.
func (g *gen) replacedForwarder(fd *ast.FuncDecl) (onValue, identical, ok bool) {
	named, _ := g.forwardedReceiver(fd)
	mine, isFunc := g.c.info.Defs[fd.Name].(*types.Func)
	if named == nil || !isFunc {
		return false, false, false
	}
	st := named.Underlying().(*types.Struct)
	var promoted *types.Func
	var field *types.Var
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(f.Type(), true, g.c.pkg, fd.Name.Name)
		if obj == nil {
			continue
		}
		m, isMethod := obj.(*types.Func)
		if promoted != nil || !isMethod {
			return false, false, false
		}
		promoted, field = m, f
	}
	if promoted == nil || !g.forwardable(field.Type()) {
		return false, false, false
	}
	if iface, isIface := field.Type().Underlying().(*types.Interface); isIface {
		for m := range iface.Methods() {
			if !m.Exported() && m.Pkg() != g.c.pkg {
				return false, false, false // the type has no forwarders
			}
		}
	}
	onValue = types.NewMethodSet(field.Type()).Lookup(promoted.Pkg(), promoted.Name()) != nil
	return onValue, types.Identical(promoted.Signature(), mine.Signature()), true
}

// forwarderGoes says, for the notice of the rebuild, why a method fd that
// cannot take the place of a forwarder in place needs a fresh interpreter.
func (g *gen) forwarderGoes(fd *ast.FuncDecl) string {
	named, pointer := g.forwardedReceiver(fd)
	recv := named.Obj().Name()
	if pointer {
		recv = "(*" + recv + ")"
	}
	return fmt.Sprintf("%s.%s takes the place of the %s that %s took from an embedded field, which needs a fresh interpreter",
		recv, fd.Name.Name, fd.Name.Name, named.Obj().Name())
}

// forwardedReceiver returns the struct type of an earlier cell that method
// fd is declared on, and whether on its pointer; nil for another.
func (g *gen) forwardedReceiver(fd *ast.FuncDecl) (*types.Named, bool) {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return nil, false
	}
	t := g.c.info.TypeOf(fd.Recv.List[0].Type)
	p, pointer := t.(*types.Pointer)
	if pointer {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() != g.c.pkg || g.p.st.findDecl(named.Obj().Name()) == nil {
		return nil, false // a type of this cell: its forwarders are written after its methods
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil, false
	}
	return named, pointer
}

// redirectForwarder points the forwarder that the method of d takes the
// place of at it (forwardedBy): the interpreter calls the method declared
// first, the forwarder, which now runs the notebook's.
func (g *gen) redirectForwarder(d *Decl) {
	s := g.segmentOf(d)
	if s == nil {
		return
	}
	fd := s.node.(*ast.FuncDecl)
	named, pointer := g.forwardedReceiver(fd)
	fn, ok := g.c.info.Defs[fd.Name].(*types.Func)
	if named == nil || !ok {
		return
	}
	sig, ok := g.forwarderSignature(fn.Signature())
	if !ok {
		return
	}
	onValue, identical, ok := g.replacedForwarder(fd)
	if !ok || !identical || onValue && pointer {
		return
	}
	recv, name := named.Obj().Name(), fd.Name.Name
	// The forwarder's receiver, and the method's from it.
	from, self := "*"+recv, "*__goconc_r"
	switch {
	case onValue:
		from, self = recv, "__goconc_r"
	case pointer:
		self = "__goconc_r"
	}
	fmt.Fprintf(&g.assigns, "%s = func(__goconc_r %s%s) %s { %s%s(%s%s) }\n",
		forwarderVar(recv, name), from, sig.commaParams(), sig.results, sig.ret, methodVar(recv, name), self, sig.args)
}
