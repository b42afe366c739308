package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// reflectMethods answers what a cell asks reflect about the methods of
// the notebook's struct types from the methods the notebook declared:
//
//	t.NumMethod()          becomes    __goconc.TypeNumMethod(t)
//	t.Method(i)            becomes    __goconc.TypeMethod(t, i)
//	t.MethodByName(n)      becomes    __goconc.TypeMethodByName(t, n)
//	t.Implements(u)        becomes    __goconc.TypeImplements(t, u)
//	v.NumMethod()          becomes    __goconc.ValueNumMethod(v)
//	v.Method(i)            becomes    __goconc.ValueMethod(v, i)
//	v.MethodByName(n)      becomes    __goconc.ValueMethodByName(v, n)
//	v.Type(), v.String()   become     __goconc.ValueType(v), __goconc.ValueString(v)
//	v.Index(i), v.MapIndex(k), v.Elem()  become  __goconc.ValueIndex(v, i), ...
//	v.Set(x)               becomes    __goconc.ValueSet(v, x)
//	v.Interface()          see valueInterface
//
// The interpreter's struct types have no methods to reflect (it makes
// them with reflect.StructOf): NumMethod said 0 and MethodByName("Greet")
// gave the zero Value, whose Call panicked. Each exported method in the
// method set of a struct type the notebook declares is registered, by
// registerMethods, as a function taking the receiver first (a method
// expression), and the hooks (kernel/methodsets) answer from those.
//
// The notebook's interface types are one type to reflect, the
// interpreter's: t.Implements(u) of one of them, written as Go's idioms
// write it, reflect.TypeFor[Shape]() or reflect.TypeOf((*Shape)(nil)).Elem(),
// passes its methods instead:
//
//	__goconc.TypeImplementsMethods(t, "Area", (func() float64)(nil))
func (g *gen) reflectMethods() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		if g.reflectValueMethod(call.Fun) == "Interface" && len(call.Args) == 0 && g.valueInterface(call) {
			return true
		}
		hook := ""
		if m := g.reflectTypeMethod(call.Fun); m != "" {
			hook = reflectTypeMethodHooks[m]
		} else if m := g.reflectValueMethod(call.Fun); m != "" {
			hook = reflectValueMethodHooks[m]
		}
		if hook == "" {
			return true
		}
		if hook == "TypeImplements" && len(call.Args) == 1 {
			if iface := g.notebookInterfaceOf(call.Args[0]); iface != nil {
				if methods, ok := g.interfaceMethods(iface); ok {
					// The interface's methods in place of the interface.
					recv := ast.Unparen(call.Fun).(*ast.SelectorExpr).X
					g.r.Replace(call, func() string {
						return HooksName + ".TypeImplementsMethods(" + g.r.Source(recv) + methods + ")"
					})
					return true
				}
			}
		}
		g.methodCallAsHook(call, hook)
		return true
	})
}

// The hooks of reflect.Type's and reflect.Value's methods about methods.
var (
	reflectTypeMethodHooks = map[string]string{
		"NumMethod": "TypeNumMethod", "Method": "TypeMethod", "MethodByName": "TypeMethodByName", "Implements": "TypeImplements",
	}
	reflectValueMethodHooks = map[string]string{
		"NumMethod": "ValueNumMethod", "Method": "ValueMethod", "MethodByName": "ValueMethodByName",
		// (kernel/namedvalues: a Value of the notebook's named types
		// that are not structs.)
		"Type": "ValueType", "String": "ValueString",
		"Index": "ValueIndex", "MapIndex": "ValueMapIndex", "Elem": "ValueElem",
		// (kernel/fieldnames' AsInterface: an element or field of one
		// of the notebook's interfaces.)
		"Set": "ValueSet", "SetMapIndex": "ValueSetMapIndex",
	}
)

// registerTypeMethods writes the registration of each method in
// the method sets of the package-level struct types gd declares, and of
// its named types that are not structs (namedMethodSet): those
// they promote from embedded fields, and those declared before them.
func (g *gen) registerTypeMethods(gd *ast.GenDecl) string {
	var b strings.Builder
	for _, obj := range g.declaredTypes(gd) {
		if n, ok := obj.Type().(*types.Named); ok && (g.hasMethodSet(n) || g.namedMethodSet(n)) {
			for _, name := range methodNames(types.NewMethodSet(types.NewPointer(n))) {
				b.WriteString(g.registerMethod(n, name))
			}
		}
	}
	return b.String()
}

// registerDeclaredMethod writes the registration of the method fd
// declares in the method set of each package-level
// struct type that has it: its receiver's, and those of the types that
// embed its receiver's.
func (g *gen) registerDeclaredMethod(fd *ast.FuncDecl) string {
	fn, ok := g.c.info.Defs[fd.Name].(*types.Func)
	if !ok || fd.Recv == nil {
		return ""
	}
	var b strings.Builder
	for _, n := range g.packageNamedTypes() {
		if !g.hasMethodSet(n) && !g.namedMethodSet(n) {
			continue
		}
		if sel := types.NewMethodSet(types.NewPointer(n)).Lookup(g.c.pkg, fn.Name()); sel != nil && sel.Obj() == fn {
			b.WriteString(g.registerMethod(n, fn.Name()))
		}
	}
	return b.String()
}

// packageNamedTypes returns the named types the notebook has declared at
// the top level so far, by name.
func (g *gen) packageNamedTypes() []*types.Named {
	var out []*types.Named
	scope := g.c.pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if n, ok := tn.Type().(*types.Named); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// hasMethodSet reports whether n is a struct type whose methods are
// registered: one of the package's, tagged (a type of its own to
// reflect), declared at the top level.
func (g *gen) hasMethodSet(n *types.Named) bool {
	return g.taggedStruct(n) && n.Obj().Parent() == g.c.pkg.Scope()
}

// methodNames returns the methods' names in ms. The unexported ones are
// registered too: reflect lists none, but t.Implements(u) of an
// interface u with unexported methods looks for them.
func methodNames(ms *types.MethodSet) []string {
	var names []string
	for sel := range ms.Methods() {
		names = append(names, sel.Obj().Name())
	}
	return names
}

// registerMethod writes the registration of method name of n, in n's
// method set or only in *n's:
//
//	__goconc.RegisterMethod((*User)(nil), "Greet", func(__goconc_r User, a0 string) string { return __goconc_r.Greet(a0) })
//
// The function calls the method, so that a method declared again later is
// the one called. A signature that cannot be written in the cell (a type
// of a package no cell imports, unknown to the interpreter) registers
// nothing.
func (g *gen) registerMethod(n *types.Named, name string) string {
	recv := types.Type(n)
	sel := types.NewMethodSet(n).Lookup(g.c.pkg, name)
	if sel == nil {
		recv = types.NewPointer(n)
		if sel = types.NewMethodSet(recv).Lookup(g.c.pkg, name); sel == nil {
			return ""
		}
	}
	sig := sel.Obj().(*types.Func).Signature()
	recvText, ok := g.localType(recv)
	if !ok {
		return ""
	}
	params := []string{"__goconc_r " + recvText}
	var args []string
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		arg := "__goconc_a" + strconv.Itoa(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			text, ok := g.localType(t.(*types.Slice).Elem())
			if !ok {
				return ""
			}
			params = append(params, arg+" ..."+text)
			args = append(args, arg+"...")
			continue
		}
		text, ok := g.localType(t)
		if !ok {
			return ""
		}
		params = append(params, arg+" "+text)
		args = append(args, arg)
	}
	results, ok := g.localTypes(sig.Results())
	if !ok {
		return ""
	}
	body := "__goconc_r." + name + "(" + strings.Join(args, ", ") + ")"
	if len(results) > 0 {
		// Not return r.M(...): with a method returning a function,
		// Yaegi then panicked compiling a later r.M()() ("CFG
		// post-order panic").
		var vars []string
		for i := range results {
			vars = append(vars, "__goconc_x"+strconv.Itoa(i))
		}
		body = strings.Join(vars, ", ") + " := " + body + "; return " + strings.Join(vars, ", ")
	}
	register := HooksName + ".RegisterMethod((*" + n.Obj().Name() + ")(nil), "
	if !g.hasMethodSet(n) {
		// (a type reflect cannot tell from others: by its name)
		register = HooksName + ".RegisterNamedMethod(" + strconv.Quote(g.goName(n)) + ", "
	}
	text := register + strconv.Quote(name) +
		", func(" + strings.Join(params, ", ") + ") (" + strings.Join(results, ", ") + ") { " + body + " })\n"
	if strings.Contains(g.assigns.String(), text) {
		return "" // (a type and its method declared in one cell)
	}
	return text
}

// valueInterface writes v.Interface() of a reflect.Value as a conversion
// of the value to the notebook's named type that kernel/namedvalues knows
// it is of, made in the cell, where the interpreter boxes it as its own:
//
//	v.Interface()    becomes    []any{func(__goconc_v reflect.Value) any { __goconc_x, __goconc_n := __goconc.ValueInterface(__goconc_v); switch __goconc_n { case "main.Celsius": return <Celsius(__goconc_x.(float64)) boxed>; ... }; return __goconc_x }(v)}[0]
//
// for each package-level named type that is not a struct (namedMethodSet)
// declared so far. A conversion made by a hook returned to the cell
// without its box: %T said float64, and x.(Celsius) failed.
func (g *gen) valueInterface(call *ast.CallExpr) bool {
	var cases strings.Builder
	for _, n := range g.packageNamedTypes() {
		if !g.namedMethodSet(n) {
			continue
		}
		name := n.Obj().Name()
		under, ok := g.localType(n.Underlying())
		if !ok {
			continue
		}
		// (Into the interface through a parameter of the type, as
		// the cell's own conversions go: see boxMarkers.)
		fmt.Fprintf(&cases, "case %s: return func(__goconc_v %s) (__goconc_r any) { __goconc_r = __goconc_v; return }(%s(__goconc_x.(%s))); ",
			strconv.Quote(g.goName(n)), name, name, under)
	}
	if cases.Len() == 0 {
		return false
	}
	recv := ast.Unparen(call.Fun).(*ast.SelectorExpr).X
	valueType, ok := g.localType(g.c.info.TypeOf(recv))
	if !ok {
		return false
	}
	g.r.Replace(call, func() string {
		// In a slice's element: a box a call returns, handed straight
		// to a compiled function (a print's hook), lost its type.
		return "[]any{func(__goconc_v " + valueType + ") any { __goconc_x, __goconc_n := " + HooksName + ".ValueInterface(__goconc_v); switch __goconc_n { " +
			cases.String() + "}; return __goconc_x }(" + g.r.Source(recv) + ")}[0]"
	})
	return true
}

// notebookInterfaceOf returns the notebook's interface type that e
// denotes, written as reflect.TypeFor[I]() or
// reflect.TypeOf((*I)(nil)).Elem(), or nil.
//
// A variable that holds one (stringer := reflect.TypeOf(...).Elem()),
// declared with it and never assigned again, denotes it too.
func (g *gen) notebookInterfaceOf(e ast.Expr) *types.Named {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, ok := g.c.info.Uses[id].(*types.Var)
		if !ok {
			return nil
		}
		if init := g.onlyValue(v); init != nil {
			return g.notebookInterfaceOf(init)
		}
		return nil
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	var t types.Type
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.IndexExpr: // reflect.TypeFor[I]()
		if g.calleeName(fun.X) == "reflect.TypeFor" {
			t = g.c.info.TypeOf(fun.Index)
		}
	case *ast.SelectorExpr: // reflect.TypeOf((*I)(nil)).Elem()
		inner, ok := ast.Unparen(fun.X).(*ast.CallExpr)
		if ok && fun.Sel.Name == "Elem" && len(call.Args) == 0 && len(inner.Args) == 1 && g.calleeName(inner.Fun) == "reflect.TypeOf" {
			if p, ok := g.c.info.TypeOf(inner.Args[0]).(*types.Pointer); ok {
				t = p.Elem()
			}
		}
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg || !isInterface(n) {
		return nil
	}
	return n
}

// interfaceMethods writes, for TypeImplementsMethods, the name and a nil
// function of the signature of each method of the interface n.
func (g *gen) interfaceMethods(n *types.Named) (string, bool) {
	var b strings.Builder
	iface := n.Underlying().(*types.Interface)
	for m := range iface.Methods() {
		sig, ok := g.localType(m.Signature())
		if !ok {
			return "", false
		}
		b.WriteString(", " + strconv.Quote(m.Name()) + ", (" + sig + ")(nil)")
	}
	return b.String(), true
}

// onlyValue returns the value variable v is declared with, if nothing
// assigns v another or takes its address.
func (g *gen) onlyValue(v *types.Var) ast.Expr {
	var value ast.Expr
	other := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (g.c.info.Defs[id] == v || g.c.info.Uses[id] == v)
	}
	ast.Inspect(g.c.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if g.c.info.Defs[name] == v && len(n.Values) == len(n.Names) {
					value = n.Values[i]
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if !is(lhs) {
					continue
				}
				if id := ast.Unparen(lhs).(*ast.Ident); n.Tok == token.DEFINE && g.c.info.Defs[id] == v && len(n.Rhs) == len(n.Lhs) {
					value = n.Rhs[i]
				} else {
					other = true
				}
			}
		case *ast.UnaryExpr:
			other = other || (n.Op == token.AND && is(n.X))
		case *ast.RangeStmt:
			other = other || (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value))
		}
		return true
	})
	if other {
		return nil
	}
	return value
}
