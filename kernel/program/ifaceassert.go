package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// assertInterfaces tries the notebook's types that implement an interface
// before asserting to it:
//
//	s, ok := v.(Shape)
//
// becomes
//
//	s, ok := func(x any) (Shape, bool) {
//		if x == nil { return nil, false }
//		if y, ok := x.(Circle); ok { return y, true }
//		if y, ok := x.(*Circle); ok { return y, true }
//		return nil, false
//	}(v)
//
// Yaegi keeps a notebook value in an interface without the methods of its
// type, and asserting it to an interface failed: false for v.(Shape) when
// v held a Circle, false for err.(interface{ Timeout() bool }), a panic
// when the assertion held ("reflect.Set: value of type interface {} is not
// assignable to type interp.valueInterface"). Asserting to a concrete type
// works, and go/types knows which of the notebook's types implement the
// interface, promoted methods included. A comma-ok assertion of a nil value
// is false at once: Yaegi read the type of the missing value and panicked
// (err, ok := recover().(error) when nothing panicked). Types declared
// inside functions are not tried; a cell that declares a type or a method
// recompiles the functions that assert to interfaces (plan), so that they
// try it too.
func (g *gen) assertInterfaces() {
	commaOK := map[*ast.TypeAssertExpr]bool{}
	g.statementAsserts = map[*ast.TypeAssertExpr]*ast.AssignStmt{}
	g.ifAsserts = map[*ast.TypeAssertExpr]*ast.IfStmt{}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		for _, s := range stmtList(n) {
			for l, ok := s.(*ast.LabeledStmt); ok; l, ok = s.(*ast.LabeledStmt) {
				s = l.Stmt
			}
			if as, ok := s.(*ast.AssignStmt); ok {
				if ta := g.definedAssertion(as); ta != nil {
					g.statementAsserts[ta] = as
				}
			}
		}
		if is, ok := n.(*ast.IfStmt); ok {
			if as, ok := is.Init.(*ast.AssignStmt); ok {
				if ta := g.definedAssertion(as); ta != nil {
					g.statementAsserts[ta], g.ifAsserts[ta] = as, is
				}
			}
		}
		switch x := n.(type) {
		case *ast.AssignStmt:
			if len(x.Lhs) == 2 && len(x.Rhs) == 1 {
				if ta, ok := ast.Unparen(x.Rhs[0]).(*ast.TypeAssertExpr); ok {
					commaOK[ta] = true
				}
			}
		case *ast.ValueSpec:
			if len(x.Names) == 2 && len(x.Values) == 1 {
				if ta, ok := ast.Unparen(x.Values[0]).(*ast.TypeAssertExpr); ok {
					commaOK[ta] = true
				}
			}
		case *ast.TypeAssertExpr:
			if x.Type != nil {
				g.assertInterface(x, commaOK[x])
				g.assertBoxed(x, commaOK[x])
				g.assertConcrete(x, commaOK[x])
				g.assertWrapped(x, commaOK[x])
			}
		}
		return true
	})
}

func (g *gen) assertInterface(ta *ast.TypeAssertExpr, commaOK bool) {
	from, to := g.c.info.TypeOf(ta.X), g.c.info.TypeOf(ta.Type)
	if from == nil || to == nil || !isInterface(to) {
		return
	}
	impls, others := g.implementers(to)
	if to.Underlying().(*types.Interface).NumMethods() == 0 && !commaOK {
		return // (x.(any) of an interface holds unless x is nil)
	}
	g.r.Replace(ta, func() string {
		return g.assertion(to, g.r.Source(ta.Type), impls, others, commaOK) + "(" + g.literalArg(ta.X) + ")"
	})
}

// assertion returns a function literal asserting its argument to the
// interface type typ (written to), trying the struct types impls first;
// with commaOK it returns the value and whether it holds. The argument is
// an any: Yaegi's assertion of an error holding a notebook value to the
// value's type failed. What is not of one of the types impls is asserted
// as Yaegi asserts: to a compiled interface (error), for compiled values;
// to a notebook interface that others of the notebook's types implement,
// by Yaegi's type switch (its comma-ok assertion panicked where it held:
// "reflect.Set: value of type interface {} is not assignable to type
// interp.valueInterface"). Otherwise nothing else implements it.
func (g *gen) assertion(typ types.Type, to string, impls []string, others, commaOK bool) string {
	var b strings.Builder
	if commaOK {
		b.WriteString("func(__goconc_x any) (" + to + ", bool) { if __goconc_x == nil { return nil, false }; ")
	} else {
		b.WriteString("func(__goconc_x any) " + to + " { ")
	}
	result := func(v string) string {
		if commaOK {
			return "return " + v + ", true"
		}
		return "return " + v
	}
	if typ.Underlying().(*types.Interface).NumMethods() == 0 {
		// Every value but nil is one (case any: in a type switch, and
		// case T: in an instance with T any). Yaegi's comma-ok
		// assertion to interface{} said false.
		if !commaOK {
			b.WriteString("if __goconc_x == nil { " + g.badInterface(typ) + " }; ")
		}
		b.WriteString(result("__goconc_x") + " }")
		return b.String()
	}
	// A struct value into a compiled interface (v.(error) of an any
	// holding a notebook error) goes through the hook ifacecopy's
	// conversions go through: Yaegi's wrapper held the struct's last
	// field, and %T said string.
	as := func(t string) string {
		if !compiledNamed(typ) || strings.HasPrefix(t, "*") {
			return "__goconc_y"
		}
		if types.Identical(typ, types.Universe.Lookup("error").Type()) {
			return HooksName + ".Rewrapped(__goconc_y, __goconc_y)"
		}
		return "func() " + to + " { var __goconc_w " + to + " = __goconc_y; return " + HooksName + ".RewrappedAs(__goconc_w, __goconc_y).(" + to + ") }()"
	}
	for _, t := range impls {
		b.WriteString("if __goconc_y, __goconc_ok := __goconc_x.(" + t + "); __goconc_ok { " + result(as(t)) + " }; ")
	}
	var wrappable []string
	for _, t := range impls {
		if g.mayBeWrapped(t) {
			wrappable = append(wrappable, t)
		}
	}
	if len(wrappable) > 0 {
		// A value that went through a compiled interface (an error
		// that fmt.Errorf wrapped, errors.Unwrap gave back) and on into
		// this one is in the interpreter's wrapper (assertWrapped).
		b.WriteString("{ __goconc_w := " + HooksName + ".WrappedValue(__goconc_x); ")
		for _, t := range wrappable {
			b.WriteString("if __goconc_y, __goconc_ok := __goconc_w.(" + t + "); __goconc_ok { " + result(as(t)) + " }; ")
		}
		b.WriteString("}; ")
	}
	if others {
		// By the name in the value's box: see namedOthers.
		yes, no := g.namedOthers(typ)
		b.WriteString("switch " + HooksName + ".BoxedName(__goconc_x) { ")
		for _, t := range yes {
			tt := types.TypeString(t, g.qualifier)
			b.WriteString("case " + strconv.Quote(g.boxName(t)) + ": __goconc_y, __goconc_ok := __goconc_x.(" + tt + "); if !__goconc_ok { var __goconc_b any = " + HooksName + ".InBox(__goconc_x); __goconc_y, _ = __goconc_b.(" + tt + ") }; " + result("__goconc_y") + "; ")
		}
		if len(no) > 0 {
			var names []string
			for _, t := range no {
				names = append(names, strconv.Quote(g.boxName(t)))
			}
			b.WriteString("case " + strings.Join(names, ", ") + ": ")
			if commaOK {
				b.WriteString("return nil, false; ")
			} else {
				b.WriteString(g.badInterface(typ) + "; ")
			}
		}
		b.WriteString("}; ")
	}
	b.WriteString(g.compiledAssertion(typ, to, "__goconc_x", result))
	switch {
	case !commaOK && !compiledNamed(typ):
		if others {
			b.WriteString(lastAssertion(to, result))
		}
		b.WriteString(g.badInterface(typ) + "; return nil }")
	case !commaOK:
		// Yaegi's x.(fmt.Stringer) of a box whose type has no String
		// gave nil, not a panic; its comma-ok assertion says false.
		// Of a nil x it panicked: "reflect: call of reflect.Value.Type on
		// zero Value".
		b.WriteString("if __goconc_x != nil { if __goconc_r, __goconc_ok := __goconc_x.(" + to + "); __goconc_ok { return __goconc_r } }; " + g.badInterface(typ) + "; return nil }")
	case compiledNamed(typ):
		b.WriteString("if __goconc_x == nil { return nil, false }; __goconc_r, __goconc_ok := __goconc_x.(" + to + "); return __goconc_r, __goconc_ok }")
	case others:
		b.WriteString(lastAssertion(to, result) + "return nil, false }")
	default:
		b.WriteString("return nil, false }")
	}
	return b.String()
}

// lastAssertion writes the interpreter's own assertion of __goconc_x to
// the interface to, for a value none of the checks before took: a value
// of the notebook's struct types, or a pointer to one, is none (the
// implementers were tried), where Yaegi's type switch took every such
// value for a Shape (a struct whose only method was Error, a Circle whose
// Area has a pointer receiver); its comma-ok assertion panicked where it
// held ("reflect.Set: value of type interface {} is not assignable to
// type interp.valueInterface").
func lastAssertion(to string, result func(string) string) string {
	return "if !" + HooksName + ".NotebookStruct(__goconc_x) { switch __goconc_y := __goconc_x.(type) { case " + to + ": " + result("__goconc_y") + " } }; "
}

// badInterface writes the call of the BadInterface hook for a failed
// assertion of __goconc_x to the notebook's interface typ: it panics as
// Go does ("interface conversion: main.T is not main.Shape: missing method
// Area"), where Yaegi said "nil is not main.Shape" whatever the value. It
// is given the interface's methods, for compiled values, with their
// signatures when a compiled type can implement the interface (a value
// with a method of the name but another signature misses it), and for
// each of the notebook's package-level types that do not implement it, a
// value of the type and the method it misses.
func (g *gen) badInterface(typ types.Type) string {
	iface := typ.Underlying().(*types.Interface)
	var methods []*types.Func
	for i := 0; i < iface.NumMethods(); i++ {
		methods = append(methods, iface.Method(i))
	}
	sort.Slice(methods, func(i, j int) bool { return methods[i].Name() < methods[j].Name() })
	var names, sigs []string
	compiled := g.compiledMethods(typ) != nil
	for _, m := range methods {
		names = append(names, strconv.Quote(m.Name()))
		if compiled {
			sig := m.Type().(*types.Signature)
			text, ok := g.localType(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
			compiled = ok
			sigs = append(sigs, "("+text+")(nil)")
		}
	}
	if !compiled {
		sigs = nil
	}
	call := HooksName + ".BadInterface(__goconc_x, " + strconv.Quote(g.goName(typ)) + ", []string{" + strings.Join(names, ", ") + "}, []any{" + strings.Join(sigs, ", ") + "}"
	for _, named := range g.packageTypes() {
		if isInterface(named) {
			continue
		}
		text := types.TypeString(named, g.qualifier)
		if m, _ := types.MissingMethod(named, iface, true); m != nil {
			call += ", *new(" + text + "), " + strconv.Quote(m.Name())
		}
		if m, _ := types.MissingMethod(types.NewPointer(named), iface, true); m != nil {
			call += ", (*" + text + ")(nil), " + strconv.Quote(m.Name())
		}
	}
	return call + ")"
}

// implementers returns the notebook's package-level struct types whose
// values or pointers implement the interface type to, as written in the
// cell; others says other types of the notebook implement it too. Yaegi
// keeps a value of a named type of another kind (type celsius float64) in
// an interface as a value of the underlying type: asserting 3.5 to celsius
// holds, so only Yaegi's own assertion to the interface tells them.
func (g *gen) implementers(to types.Type) (structs []string, others bool) {
	iface, _ := to.Underlying().(*types.Interface)
	for _, named := range g.notebookImplementers(to) {
		if _, ok := named.Underlying().(*types.Struct); !ok {
			others = true
			continue
		}
		if types.Implements(named, iface) {
			structs = append(structs, named.Obj().Name())
		}
		if types.Implements(types.NewPointer(named), iface) {
			structs = append(structs, "*"+named.Obj().Name())
		}
	}
	return structs, others
}

// mayBeWrapped reports whether the values of impl, a struct type of the
// notebook's (or a pointer to one) that implementers found, are likely
// to be met in the interpreter's wrapper: those with an Error or a String
// method, which the notebook hands to compiled code as an error or a
// fmt.Stringer. Looking into a wrapper costs a hook call where the value
// is of none of the types tried (a type switch over values of other
// types), so it is written only for these.
func (g *gen) mayBeWrapped(impl string) bool {
	tn, ok := g.c.pkg.Scope().Lookup(strings.TrimPrefix(impl, "*")).(*types.TypeName)
	if !ok {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	return ms.Lookup(g.c.pkg, "Error") != nil || ms.Lookup(g.c.pkg, "String") != nil
}

// namedOthers returns the notebook's package-level named types that are
// neither structs nor interfaces, and the pointers to them, that implement
// the interface type to (yes), and those that do not (no). Yaegi's own
// assertion, which the others of implementers leave to it, took a
// myfloat without a bar method for an interface{ bar() int } that a
// myint implements (Go's test/typeparam/typeswitch7.go), and a plain
// float64 for one with a method of a Meters; a box names its value's
// type (BoxedName), which tells them apart.
func (g *gen) namedOthers(to types.Type) (yes, no []types.Type) {
	iface, ok := to.Underlying().(*types.Interface)
	if !ok || !iface.IsMethodSet() {
		return nil, nil
	}
	for _, named := range g.packageTypes() {
		switch named.Underlying().(type) {
		case *types.Struct, *types.Interface:
			continue
		}
		for _, t := range []types.Type{named, types.NewPointer(named)} {
			if types.Implements(t, iface) {
				yes = append(yes, t)
			} else {
				no = append(no, t)
			}
		}
	}
	return yes, no
}

// notebookImplementers returns the notebook's package-level named types
// whose values or pointers implement the interface type to.
func (g *gen) notebookImplementers(to types.Type) []*types.Named {
	iface, ok := to.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 || !iface.IsMethodSet() {
		return nil
	}
	var out []*types.Named
	for _, named := range g.packageTypes() {
		if !isInterface(named) && (types.Implements(named, iface) || types.Implements(types.NewPointer(named), iface)) {
			out = append(out, named)
		}
	}
	return out
}

// packageTypes returns the notebook's package-level named types, but
// generic ones (which run as their instances) and aliases.
func (g *gen) packageTypes() []*types.Named {
	var out []*types.Named
	for _, named := range g.packageNamedTypes() {
		if named.Obj().Name() != "_" && named.TypeParams().Len() == 0 {
			out = append(out, named)
		}
	}
	return out
}

// assertsToInterface reports whether a declaration asserts a value to an
// interface type, has a type switch with a case of one, or calls
// errors.As, Is or Unwrap: the code assertInterfaces, typeSwitches,
// findErrors and findErrorsIs write
// for them lists the notebook's types, so a cell that declares a type or
// a method recompiles it (plan).
func (g *gen) assertsToInterface(n ast.Node) bool {
	found := false
	if n != nil {
		ast.Inspect(n, func(c ast.Node) bool {
			switch x := c.(type) {
			case *ast.TypeAssertExpr:
				found = found || x.Type != nil && isInterface(g.c.info.TypeOf(x.Type))
			case *ast.CallExpr:
				switch g.calleeName(x.Fun) {
				case "errors.As", "errors.Is", "errors.Unwrap":
					found = true
				}
			case *ast.CaseClause:
				for _, t := range x.List {
					if tv := g.c.info.Types[t]; tv.IsType() && isInterface(tv.Type) {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// definedAssertion returns the assertion of as if as is c, ok := x.(T)
// with c of type T and ok a bool, which statements before it can make
// (assertWrappedInStatements), else nil.
func (g *gen) definedAssertion(as *ast.AssignStmt) *ast.TypeAssertExpr {
	if as.Tok != token.DEFINE || len(as.Lhs) != 2 || len(as.Rhs) != 1 || isBlank(as.Lhs[0]) || isBlank(as.Lhs[1]) {
		return nil
	}
	ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
	if !ok || ta.Type == nil {
		return nil
	}
	if _, ok := g.okPlace(as.Lhs[1]); !ok || !types.Identical(g.c.info.TypeOf(as.Lhs[0]), g.c.info.TypeOf(ta.Type)) {
		return nil
	}
	return ta
}
