package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// copyIntoInterfaces gives a value put into an interface storage of its
// own:
//
//	shapes = append(shapes, &Circle{r})
//
// becomes
//
//	shapes = append(shapes, []*Circle{&Circle{r}}[0])
//
// Yaegi's interface value keeps a reference to where the value was, not a
// copy, when the value's type has methods: the frame slot of a variable,
// of a call's result, of &Circle{r}. Running that code again overwrites the
// slot, and every interface made from it changes too: the loop above made
// three shapes that were all the last circle, a variable assigned after
// `var s Shape = x` changed s, and values sent on a channel of interfaces
// arrived as the last one sent (Go's test/chan/powser2.go computed wrong
// power series). The element of a new slice is storage nothing else
// writes. Into a compiled interface (error, sort.Interface), the value is
// converted in a call of its own instead (see copyIntoPlace).
//
// The rule applies wherever Go converts a value of a type with methods to
// an interface with methods: assignments, declarations, arguments (but
// those of fmt's and log's printing functions, which keep none), results, sends, composite literals, append and
// explicit conversions. Constants, struct literals (a new value each
// time; but into an error, see copyIntoPlace) and values that are
// interfaces already need no copy.
func (g *gen) copyIntoInterfaces() {
	for _, fd := range g.rewritable() {
		sig, _ := g.c.info.Defs[fd.Name].Type().(*types.Signature)
		funcs := []*types.Signature{sig}
		ast.Inspect(fd.Body, g.copyWalker(&funcs))
	}
}

// copyWalker returns the walk of one function body; funcs is the stack of
// the signatures of the functions around the node, for return statements.
func (g *gen) copyWalker(funcs *[]*types.Signature) func(ast.Node) bool {
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			sig, _ := g.c.info.TypeOf(x).(*types.Signature)
			*funcs = append(*funcs, sig)
			ast.Inspect(x.Body, walk)
			*funcs = (*funcs)[:len(*funcs)-1]
			return false
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && len(x.Lhs) == len(x.Rhs) {
				for i, rhs := range x.Rhs {
					if !g.literalIntoElement(x.Lhs[i], rhs) {
						g.copyIntoMany(rhs, g.c.info.TypeOf(x.Lhs[i]), len(x.Rhs))
					}
				}
			}
		case *ast.ValueSpec:
			if x.Type != nil && len(x.Names) == len(x.Values) {
				t := g.c.info.TypeOf(x.Type)
				for _, v := range x.Values {
					g.copyIntoMany(v, t, len(x.Values))
				}
			}
		case *ast.ReturnStmt:
			if sig := (*funcs)[len(*funcs)-1]; sig != nil && sig.Results().Len() == len(x.Results) {
				for i, r := range x.Results {
					g.copyIntoOrBox(r, sig.Results().At(i).Type())
				}
			}
		case *ast.SendStmt:
			if ct := g.chanType(x.Chan); ct != nil {
				g.copyInto(x.Value, ct.Elem())
			}
		case *ast.CompositeLit:
			g.copyElements(x)
		case *ast.CallExpr:
			g.copyArgs(x)
		}
		return true
	}
	return walk
}

// literalIntoElement copies a struct literal assigned to an element or a
// field of one of the notebook's interface types, and reports whether it
// did:
//
//	animals[0] = Dog{"z"}    becomes    animals[0] = []Dog{Dog{"z"}}[0]
//
// Yaegi panicked ("reflect.Set: value of type interp.valueInterface is
// not assignable to type struct {...}"); a literal assigned to a
// variable it puts in the interface as it should.
func (g *gen) literalIntoElement(lhs, rhs ast.Expr) bool {
	if _, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		return false
	}
	lit, ok := ast.Unparen(rhs).(*ast.CompositeLit)
	to, t := g.c.info.TypeOf(lhs), g.c.info.TypeOf(rhs)
	if !ok || to == nil || t == nil || !isInterface(to) || compiledNamed(to) || isInterface(t) {
		return false
	}
	if _, isStruct := t.Underlying().(*types.Struct); !isStruct || to.Underlying().(*types.Interface).NumMethods() == 0 || types.NewMethodSet(t).Len() == 0 {
		return false
	}
	typ, ok := g.localType(t)
	if !ok {
		return false
	}
	g.r.Before(lit, "[]"+typ+"{")
	g.r.After(lit, "}[0]")
	return true
}

// copyElements copies the elements of a composite literal that go into
// interfaces.
func (g *gen) copyElements(lit *ast.CompositeLit) {
	t := g.c.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := deref(t).Underlying().(type) {
	case *types.Slice:
		g.copyValues(lit.Elts, u.Elem(), nil)
	case *types.Array:
		g.copyValues(lit.Elts, u.Elem(), nil)
	case *types.Map:
		g.copyValues(lit.Elts, u.Elem(), u.Key())
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := g.c.info.Uses[id].(*types.Var); ok {
						g.copyInto(kv.Value, f.Type())
					}
				}
			} else if i < u.NumFields() {
				g.copyInto(e, u.Field(i).Type())
			}
		}
	}
}

// copyValues copies the elements (and with key, the keys) of a slice,
// array or map literal.
func (g *gen) copyValues(elts []ast.Expr, elem, key types.Type) {
	for _, e := range elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key != nil {
				g.copyInto(kv.Key, key)
			}
			g.copyInto(kv.Value, elem)
			continue
		}
		g.copyInto(e, elem)
	}
}

// copyArgs copies the arguments of a call that go into interfaces: of an
// explicit conversion, of append, of a function or method.
func (g *gen) copyArgs(call *ast.CallExpr) {
	if tv := g.c.info.Types[call.Fun]; tv.IsType() {
		if len(call.Args) == 1 {
			g.copyIntoOrBox(call.Args[0], tv.Type)
			g.convertByParameter(call, tv.Type)
		}
		return
	}
	if g.isBuiltinNamed(call.Fun, "append") {
		if len(call.Args) > 1 && !call.Ellipsis.IsValid() {
			if s, ok := g.c.info.TypeOf(call.Args[0]).Underlying().(*types.Slice); ok {
				g.copyValues(call.Args[1:], s.Elem(), nil)
			}
		}
		return
	}
	if g.isBuiltinNamed(call.Fun, "panic") {
		// panic(Code(4)): a constant too, or recover().(Code) failed
		// and the report named no type.
		if len(call.Args) == 1 {
			g.copyIntoOrBox(call.Args[0], types.NewInterfaceType(nil, nil))
		}
		return
	}
	if g.keepsNone(call.Fun) {
		return
	}
	if g.calleeName(call.Fun) == "fmt.Errorf" {
		g.copyWrapped(call)
		return
	}
	sig, ok := g.c.info.TypeOf(call.Fun).(*types.Signature)
	if !ok {
		return
	}
	_, heapCall := g.heapCall(call) // (heapCalls makes it an interpreted literal's)
	compiled := g.compiled(call.Fun) && !heapCall
	for i, arg := range call.Args {
		if g.fieldArgs[arg] {
			continue // (fieldNames' hook takes the value as it is)
		}
		if heapCall && i == 0 {
			continue // (the literal takes the heap as it is)
		}
		if t := paramType(sig, i, call.Ellipsis.IsValid()); t != nil && !(call.Ellipsis.IsValid() && i == len(call.Args)-1) {
			g.copyIntoPlace(arg, t, compiled)
		}
	}
}

// copyWrapped converts the operands of fmt.Errorf's %w verbs that are of
// the notebook's types to error: given as they are (an operand is an any),
// they reached compiled code without their Error method, and the error
// wrapped nothing ("%!w(main.T={...})" where Go wraps the value).
func (g *gen) copyWrapped(call *ast.CallExpr) {
	if len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return
	}
	tv := g.c.info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	verbs, ok := parseVerbs(constant.StringVal(tv.Value))
	if !ok {
		return
	}
	errType := types.Universe.Lookup("error").Type()
	args := call.Args[1:]
	for _, v := range verbs {
		if v.verb != 'w' || v.arg < 0 || v.arg >= len(args) {
			continue
		}
		if t := g.c.info.TypeOf(args[v.arg]); t != nil && g.notebookType(t) && !isInterface(t) && types.AssignableTo(t, errType) {
			g.copyIntoPlace(args[v.arg], errType, true)
		}
	}
}

// keepsNone reports whether fun is one of fmt's or log's functions (or
// *log.Logger's methods) that format their operands and keep none of them.
func (g *gen) keepsNone(fun ast.Expr) bool {
	fn, ok := g.callee(fun).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt":
		return fn.Name() != "Errorf" // (%w keeps the error)
	case "log":
		return true
	}
	return false
}

// convertByParameter writes the conversion call of a value of a boxed
// type (boxedValue) to one of the notebook's interfaces with methods,
// Animal(Hen(1)), as a call handing the value to a parameter of that
// type: the interpreter's conversion boxed the value in a box naming the
// interface, where an assignment's box names the value's type, by which
// == and %T tell a Hen from a Cow of one underlying type.
func (g *gen) convertByParameter(call *ast.CallExpr, to types.Type) {
	from := g.c.info.TypeOf(call.Args[0])
	if !g.boxingInterface(to) || from == nil || isInterface(from) || !g.boxedValue(from) {
		return
	}
	text, ok := g.localType(to)
	if !ok {
		return
	}
	g.r.Replace(call.Fun, func() string { return "func(__goconc_v " + text + ") " + text + " { return __goconc_v }" })
}

// copyInto copies e into storage of its own when e, of a type with methods,
// is converted to the interface type to.
func (g *gen) copyInto(e ast.Expr, to types.Type) { g.copyIntoPlace(e, to, false) }

// copyIntoOrBox is copyInto for a result returned or the operand of a
// conversion: into an empty interface, where Yaegi does not box, it is
// boxIntoAny's.
func (g *gen) copyIntoOrBox(e ast.Expr, to types.Type) {
	if to != nil && isEmptyInterface(to) {
		g.boxIntoAny(e, to, true)
		return
	}
	g.copyInto(e, to)
}

// copyIntoMany is copyInto for one of n values assigned at once. Yaegi
// assigning several values to interfaces at once set a constant of a type
// it boxes unboxed ("reflect.Set: value of type interp.valueInterface is
// not assignable to type int" for var a, one any = MyInt(1), 1): there
// every value is boxIntoAny's.
func (g *gen) copyIntoMany(e ast.Expr, to types.Type, n int) {
	if n > 1 {
		g.copyIntoOrBox(e, to)
		return
	}
	g.copyInto(e, to)
}

// copyIntoPlace is copyInto; compiledArg says the interface is an
// argument of a compiled function.
func (g *gen) copyIntoPlace(e ast.Expr, to types.Type, compiledArg bool) {
	if to != nil && isEmptyInterface(to) && !compiledArg {
		g.boxIntoAny(e, to, false)
		return
	}
	if to == nil || !isInterface(to) || to.Underlying().(*types.Interface).NumMethods() == 0 {
		// Yaegi keeps a value in an empty interface as it is, and the
		// copy would lose its type: type switches on it failed.
		return
	}
	tv, ok := g.c.info.Types[e]
	if !ok || tv.IsNil() || tv.Type == nil || isInterface(tv.Type) || g.mapKeys[e] {
		// (A map's key: canonicalKey puts it in the interface, in a
		// function of its own taking the value, which this function's
		// result would not be.)
		return
	}
	if tv.Value != nil && !(g.boxable(tv.Type) && compiledNamed(to)) {
		return // (a constant of a type KeepBox is for is taken below)
	}
	if types.NewMethodSet(tv.Type).Len() == 0 {
		return // Yaegi copies a value without methods into the interface
	}
	_, lit := ast.Unparen(e).(*ast.CompositeLit)
	if before, after := g.intoInterface(tv.Type, to, compiledArg, lit); before != "" {
		g.r.Before(e, before)
		g.r.After(e, after)
	}
}

// intoInterface returns the text that goes before and after an operand of
// type from (a composite literal if lit) to put it into an interface of
// type to with methods, as copyIntoPlace does; "" if nothing need be
// written.
func (g *gen) intoInterface(from, to types.Type, compiledArg, lit bool) (before, after string) {
	compiledValue := compiledNamed(deref(from))
	_, isStruct := from.Underlying().(*types.Struct)
	toError := types.Identical(to, types.Universe.Lookup("error").Type())
	if lit && isStruct && !compiledArg && !(compiledNamed(to) && !compiledValue) {
		// A new value each time (Circle{r}; not &Circle{r}); but Yaegi
		// cannot pass it to a compiled function as an error ("reflect:
		// cannot use struct {...} as type error in Call"), and a struct
		// value in an error needs the hook below. (A literal of a named
		// slice, map or array type put in an interface panicked:
		// "reflect.Set: value of type []string is not assignable to type
		// interp.valueInterface"; the copy below is taken.)
		return "", ""
	}
	if compiledValue && compiledNamed(to) {
		return "", "" // a compiled value in a compiled interface is Go's own
	}
	typ, ok := g.localType(from)
	if !ok {
		return "", ""
	}
	if !compiledValue && compiledNamed(to) {
		_, pointer := from.Underlying().(*types.Pointer)
		// Yaegi gives compiled code the notebook's value in a wrapper
		// whose methods read their receiver again from the frame slot of
		// the converted expression, at each call: the conversion must
		// happen in a frame that nothing runs in again.
		iface, ok := g.localType(to)
		if !ok {
			return "", ""
		}
		typedNil := ""
		if pointer && (toError || isStringer(to)) || toError && nilable(from) {
			// A nil pointer makes no wrapper: the error was nil, where
			// Go's holds a nil *T and is not (the classic "nil error
			// != nil"); nor does a nil slice, map or function (type
			// Errs []error, returned with no errors). The hook's error
			// calls the method on the nil value, and holds it, with its
			// type's Go name, for assertions, errors.As, %T and reflect.
			hook, method := "TypedNilError", "Error"
			if !toError {
				hook, method = "TypedNilStringer", "String"
			}
			typedNil = "if __goconc_v == nil { return " + HooksName + "." + hook + "(__goconc_v." + method + ", " + strconv.Quote(g.goName(from)) + ", &__goconc_v) }; "
		} else if pointer {
			if set := g.typedNilAs(from, to); set != "" {
				typedNil = "if __goconc_v == nil { var __goconc_w " + iface + "; " + set + "; return __goconc_w }; "
			}
		}
		if isStruct && g.boxable(from) {
			// A struct without fields (type ErrTimeout struct{}), whose
			// wrapper has no field for its value (an assertion panicked,
			// "reflect: Field index out of bounds"), and which is
			// struct{} to reflect as all such types are (errors.Is took
			// an ErrNotFound for an ErrTimeout): the wrapper gets the
			// value, and the evaluator remembers its box for it.
			return "func(__goconc_v " + typ + ") " + iface + " { var __goconc_a any = __goconc_v; var __goconc_w " + iface + " = __goconc_v; __goconc_w = " + HooksName + ".RewrappedAs(__goconc_w, __goconc_v).(" + iface + "); " + HooksName + ".KeepBox(__goconc_w, __goconc_a); return __goconc_w }(", ")"
		}
		if isStruct {
			// Yaegi's wrapper holds the struct's last field where the
			// value belongs (so err.(codeErr) and s.(Point) were false,
			// and errors.As, %T and == saw the field): the hook gives it
			// the value.
			if toError {
				return "func(__goconc_v " + typ + ") " + iface + " { return " + HooksName + ".Rewrapped(__goconc_v, __goconc_v) }(", ")"
			}
			return "func(__goconc_v " + typ + ") " + iface + " { var __goconc_w " + iface + " = __goconc_v; return " + HooksName + ".RewrappedAs(__goconc_w, __goconc_v).(" + iface + ") }(", ")"
		}
		if g.boxable(from) || g.unnamedPointer(from) {
			// The wrapper of a named type that is not a struct (or of a
			// pointer to one, or to a struct without fields) does not name it, so an error of a type Code handed on as an any
			// was no Code to a type switch: the evaluator remembers the
			// value's box for the wrapper.
			if set := g.typedNilAs(from, to); set != "" && nilable(from) && !pointer && !toError {
				typedNil = "if __goconc_v == nil { " + set + " }; " // (a pointer's, and an error's, are above)
			}
			return "func(__goconc_v " + typ + ") " + iface + " { var __goconc_a any = __goconc_v; var __goconc_w " + iface + " = __goconc_v; " + typedNil + HooksName + ".KeepBox(__goconc_w, __goconc_a); return __goconc_w }(", ")"
		}
		return "func(__goconc_v " + typ + ") " + iface + " { " + typedNil + "return __goconc_v }(", ")"
	}
	return "[]" + typ + "{", "}[0]"
}

// typedNilAs returns the statement that sets __goconc_w, of type to, a
// compiled interface other than error and fmt.Stringer, to hold
// __goconc_v, a nil value of the notebook's type t (a pointer, a slice, a
// map), in the function copyIntoPlace wraps the conversion in; or "". The
// interpreter makes no wrapper of a nil value, so the interface was nil:
// an io.Reader holding a nil *MyReader compared equal to nil, and its Read
// could not be called. The TypedNilAs hook makes the interpreter's
// wrapper of the nil value, with its methods as the cell gives them (a
// method with a value receiver, which Go cannot call on a nil pointer, as
// a function panicking as Go's runtime does). A method promoted from an
// embedded field would read through the nil pointer already when the cell
// takes it: then nothing is written, as before.
func (g *gen) typedNilAs(t, to types.Type) string {
	ifc, ok := to.Underlying().(*types.Interface)
	if !ok || ifc.NumMethods() == 0 {
		return ""
	}
	var names, methods []string
	for i := 0; i < ifc.NumMethods(); i++ {
		name := ifc.Method(i).Name()
		obj, index, _ := types.LookupFieldOrMethod(t, true, g.c.pkg, name)
		fn, ok := obj.(*types.Func)
		if !ok || len(index) != 1 {
			return ""
		}
		names = append(names, name)
		_, ptrRecv := fn.Signature().Recv().Type().(*types.Pointer)
		_, ptr := t.Underlying().(*types.Pointer)
		if ptr && !ptrRecv {
			methods = append(methods, "nil")
		} else {
			methods = append(methods, "__goconc_v."+name)
		}
	}
	return HooksName + ".TypedNilAs(&__goconc_w, " + strconv.Quote(g.goName(t)) + ", &__goconc_v, " +
		strconv.Quote(strings.Join(names, ",")) + ", " + strings.Join(methods, ", ") + ")"
}

// nilable reports whether a value of type t can be nil and is not an
// interface: a pointer, a slice, a map, a channel or a function.
func nilable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature:
		return true
	}
	return false
}

// compiledNamed reports whether t is a named type of a compiled package
// (error too), whose values Yaegi keeps as Go values.
func compiledNamed(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && (n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main")
}

// isStringer reports whether t is fmt.Stringer.
func isStringer(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "fmt" && n.Obj().Name() == "Stringer"
}
