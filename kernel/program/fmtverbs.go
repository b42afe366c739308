package program

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"strconv"
	"strings"
)

// printfFormats lists the functions with a format string, and where it is.
var printfFormats = map[string]int{
	"fmt.Printf": 0, "fmt.Sprintf": 0, "fmt.Errorf": 0, "fmt.Fprintf": 1, "fmt.Appendf": 1,
	"log.Printf": 0, "log.Fatalf": 0, "log.Panicf": 0,
	// (fieldNames names methods so; fmtVerbs finds them as log.Printf.)
	"(*log.Logger).Printf": 0, "(*log.Logger).Fatalf": 0, "(*log.Logger).Panicf": 0,
}

// fmtVerbs rewrites %T and %#v of the notebook's types in calls with a
// constant format (and numeric verbs of its numeric types with methods,
// see underlyingOperand):
//
//	fmt.Printf("%T %#v\n", p, p)
//
// becomes
//
//	fmt.Printf("%s %s\n", __goconc.TypeName("main.point", p), __goconc.GoSyntax("%#v", "main.point", p))
//
// Yaegi makes a notebook's types with reflect.StructOf and friends, which
// have no names: fmt would print "struct { X int; Y int }" where Go prints
// "main.point". The type checker knows the name; the value is still
// evaluated. The %T of an operand of interface type goes through
// DynamicTypeName, which names the notebook's struct types by their reflect
// types (registerTypes); %#v of one is left alone.
func (g *gen) fmtVerbs() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			g.fmtCall(call)
		}
		return true
	})
}

func (g *gen) fmtCall(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return
	}
	fn, ok := g.c.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	at, ok := printfFormats[fn.Pkg().Path()+"."+fn.Name()]
	if !ok || len(call.Args) <= at {
		return
	}
	tv := g.c.info.Types[call.Args[at]]
	if tv.Value == nil || indexedFormat(tv) {
		g.formatVariable(call.Args[at], call.Args[at+1:])
		return
	}
	lit, ok := ast.Unparen(call.Args[at]).(*ast.BasicLit)
	if !ok || tv.Value.Kind() != constant.String {
		return
	}
	verbs, ok := parseVerbs(constant.StringVal(tv.Value))
	if !ok {
		return
	}
	args := call.Args[at+1:]
	changed := false
	var format strings.Builder
	last := 0
	src := constant.StringVal(tv.Value)
	for _, v := range verbs {
		if v.arg < 0 || v.arg >= len(args) {
			continue
		}
		if strings.ContainsRune("dbocUeEfFgG", v.verb) || v.verb != 'v' && v.verb != 'T' && v.verb != 'p' && v.verb != 'w' && !g.formatsByMethod(args[v.arg]) {
			if g.numberOperand(args[v.arg], v.verb) || g.underlyingOperand(args[v.arg], false) {
				continue
			}
		}
		if v.verb != 'T' && !(v.verb == 'v' && strings.Contains(v.flags, "#")) {
			continue
		}
		arg := args[v.arg]
		if g.fieldArgs[arg] {
			continue // fieldNames names its type and fields
		}
		t := g.c.info.Types[arg].Type
		if t == nil {
			continue
		}
		if types.IsInterface(t) {
			if v.verb != 'T' {
				continue
			}
			// The dynamic type decides: the evaluator names the
			// notebook's struct types it registered (see registerTypes),
			// and a named type that is not a struct (its underlying type
			// to reflect) by the interpreter's box, or as the one of the
			// notebook's types of that kind that implement the interface.
			g.r.Before(arg, HooksName+".DynamicTypeName(")
			g.r.After(arg, g.underlyingImplementers(t)+")")
			g.boxOperand(arg, t) // (inside the hook's call)
			format.WriteString(src[last:v.start])
			format.WriteString("%" + v.flags + v.width + "s")
			last = v.end
			changed = true
			continue
		}
		name := g.goName(t)
		if !g.spelledByInterpreter(t) {
			continue // a type of a compiled package has its name
		}
		var hook string
		if v.verb == 'T' {
			hook = HooksName + ".TypeName(" + strconv.Quote(name) + ", "
		} else {
			if _, named := types.Unalias(deref(types.Unalias(t))).(*types.Named); !named || strings.HasPrefix(name, "**") {
				continue // only a named type or a pointer to one: its %#v starts with the type
			}
			hook = HooksName + ".GoSyntax(" + strconv.Quote(src[v.start:v.end]) + ", " + strconv.Quote(name) + ", "
		}
		g.r.Before(arg, hook)
		g.r.After(arg, ")")
		// The verb becomes %s with the same width and flags (but #).
		format.WriteString(src[last:v.start])
		format.WriteString("%" + strings.ReplaceAll(v.flags, "#", "") + v.width + "s")
		last = v.end
		changed = true
	}
	extra := g.extraOperands(verbs, args)
	if !changed && extra == "" {
		return
	}
	format.WriteString(src[last:])
	format.WriteString(extra)
	text := strconv.Quote(format.String())
	g.r.Replace(lit, func() string { return text })
}

// extraOperands returns what a constant format gets appended for the
// operands that no verb formats, when one is of a type the interpreter
// spells otherwise than Go: fmt writes them after the rest as
// "%!(EXTRA main.point={1 2})", naming each operand's type, which would be
// the interpreter's struct type. The operands are formatted by %v (and
// fieldNames passes them through its hook), their names written in the
// format. Operands of an interface type, whose names only their values
// know, are left to fmt, and so are all with them.
func (g *gen) extraOperands(verbs []verb, args []ast.Expr) string {
	used := 0
	for _, v := range verbs {
		used = max(used, v.arg+1)
	}
	if used >= len(args) {
		return ""
	}
	var parts []string
	renamed := false
	for _, arg := range args[used:] {
		t := g.c.info.TypeOf(arg)
		if t == nil || isInterface(t) || g.c.info.Types[arg].IsNil() {
			return ""
		}
		name := g.goName(t)
		renamed = renamed || g.spelledByInterpreter(t)
		parts = append(parts, strings.ReplaceAll(name, "%", "%%")+"=%v")
	}
	if !renamed {
		return ""
	}
	return "%%!(EXTRA " + strings.Join(parts, ", ") + ")"
}

// verb is one verb of a format string.
type verb struct {
	start, end int // its bytes in the format
	flags      string
	width      string // width and precision as written
	verb       rune
	arg        int // the operand it formats
}

// parseVerbs finds the verbs of a format as fmt reads it. It gives up
// (false) on explicit argument indexes, which renumber the operands.
func parseVerbs(f string) ([]verb, bool) {
	var out []verb
	arg := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		v := verb{start: i}
		i++
		for i < len(f) && strings.IndexByte("+-# 0", f[i]) >= 0 {
			v.flags += string(f[i])
			i++
		}
		ws := i
		for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == '.' || f[i] == '*' || f[i] == '[') {
			switch f[i] {
			case '[':
				return nil, false
			case '*':
				arg++ // a width or precision taken from the operands
			}
			i++
		}
		v.width = f[ws:i]
		if i >= len(f) {
			break
		}
		if f[i] == '%' {
			continue // %%
		}
		v.verb = rune(f[i])
		v.end = i + 1
		v.arg = arg
		arg++
		out = append(out, v)
	}
	return out, true
}

// numberOperand converts the operand of a numeric verb that fmt formats
// a number of its kind by (%d of an int, %.2f of a float64) to its basic
// type, when it is one of the notebook's numeric types: the interpreter
// passes one with methods to fmt in a wrapper that fmt formats by its
// String method or as a struct. (A conversion costs nothing; a verb of another
// kind, whose complaint names the type, is underlyingOperand's.) It
// reports whether it did.
func (g *gen) numberOperand(arg ast.Expr, verb rune) bool {
	t := g.c.info.Types[arg].Type
	basic, ok := g.plainOf(t, false)
	if !ok || g.numeric[arg] {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsNumeric == 0 {
		return false
	}
	valid := "bcdoOxXU" // (fmt's numeric verbs of an integer; %c and %q print a rune)
	if b.Info()&types.IsInteger == 0 {
		valid = "beEfFgGxX"
	}
	if !strings.ContainsRune(valid, verb) {
		return false
	}
	g.r.Before(arg, basic+"(")
	g.r.After(arg, ")")
	g.markNumeric(arg)
	return true
}

// underlyingOperand passes an operand of one of the notebook's named types
// that are not structs (of a basic kind only, unless anyKind) to fmt
// through the Underlying hook, which formats it as Go's fmt does, by its
// String or Error method or as its value of the underlying type:
//
//	fmt.Printf("%d %s\n", level, meters)
//
// becomes
//
//	fmt.Printf("%d %s\n", func(__goconc_v Level) any { return __goconc.Underlying(__goconc.AsStringer(__goconc_v), int(__goconc_v), "main.Level") }(level), ...)
//
// The interpreter passes such a value to fmt in a wrapper that fmt formats
// by its String method or as a struct ({1 5135136} for %d, where Go
// prints 1), or, without String or Error, as its underlying type, which
// fmt's complaint of a wrong verb named (%!s(int=5) for %!s(main.Meters=5)).
// It reports whether it did.
func (g *gen) underlyingOperand(arg ast.Expr, anyKind bool) bool {
	t := g.c.info.Types[arg].Type
	under, ok := g.plainOf(t, anyKind)
	if !ok || g.numeric[arg] {
		return ok
	}
	typ, ok := g.localType(t)
	if !ok {
		return false
	}
	wrapped := "__goconc_v"
	if i := g.fmtInterfaceOf(t); i >= 0 {
		// (the wrapper fmt finds the methods in, pickWrappers')
		wrapped = HooksName + "." + fmtInterfaces[i].hook + "(__goconc_v)"
	}
	g.r.Before(arg, "func(__goconc_v "+typ+") any { return "+HooksName+".Underlying("+wrapped+", "+under+"(__goconc_v), "+strconv.Quote(g.goName(t))+") }(")
	g.r.After(arg, ")")
	g.markNumeric(arg)
	return true
}

// markNumeric records that arg goes to fmt converted or through the
// Underlying hook, which pickWrappers leaves alone.
func (g *gen) markNumeric(arg ast.Expr) {
	if g.numeric == nil {
		g.numeric = map[ast.Expr]bool{}
	}
	g.numeric[arg] = true
}

// formatsByMethod reports whether fmt formats arg by its String or Error
// method for the verbs that call one.
func (g *gen) formatsByMethod(arg ast.Expr) bool {
	t := g.c.info.TypeOf(arg)
	return t != nil && g.fmtInterfaceOf(t) >= 0
}

// plainOf returns the underlying type of t, spelled for the cell, if t is
// one of the notebook's named types (without a Format method: fmt calls
// Format for every verb) whose underlying type is a number, a string or a
// bool, or, if anyKind, a slice, an array or a map. (With methods,
// the interpreter hands fmt its wrapper; without, the value of the
// underlying type, whose name fmt's complaint of a wrong verb gives.)
func (g *gen) plainOf(t types.Type, anyKind bool) (string, bool) {
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg || n.TypeArgs().Len() > 0 {
		return "", false
	}
	if f := g.fmtInterface("fmt", "Formatter"); f != nil && types.Implements(n, f) {
		return "", false
	}
	switch u := n.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsNumeric != 0 {
			return u.Name(), true
		}
		if u.Info()&(types.IsString|types.IsBoolean) == 0 {
			return "", false
		}
	case *types.Slice, *types.Array, *types.Map:
		if !anyKind {
			return "", false
		}
	default:
		return "", false
	}
	return g.localType(n.Underlying())
}

// registerTypes writes, for a type declaration, the statements that tell
// the evaluator the Go names of its struct types:
//
//	__goconc.RegisterType("main.celsius", (*celsius)(nil))
//
// %T of an interface holding one (DynamicTypeName) then prints
// main.celsius, not the structure of the interpreter's unnamed type. Only
// struct types: Yaegi gives a type of another kind (type ints []int) the
// reflect type of its underlying type, which plain values share.
//
// A type whose box names it otherwise than Go (an instance, main.Listᐸintᐳ;
// a local type moved to the top level, main.Fᐧlocal) has its Go name
// registered for %T and %#v of the box:
//
//	__goconc.RegisterTypeName("main.Fᐧlocal", "main.F")
func (g *gen) registerTypes(gd *ast.GenDecl) string {
	var b strings.Builder
	for name, obj := range g.declaredTypes(gd) {
		if _, isStruct := obj.Type().Underlying().(*types.Struct); isStruct {
			b.WriteString(HooksName + ".RegisterType(" + strconv.Quote(g.goName(obj.Type())) + ", (*" + name + ")(nil))\n")
		}
		if box, goName := g.boxName(obj.Type()), g.goName(obj.Type()); box != goName && g.boxedType(obj.Type()) {
			b.WriteString(HooksName + ".RegisterTypeName(" + strconv.Quote(box) + ", " + strconv.Quote(goName) + ")\n")
		}
	}
	return b.String()
}

// registerLocalTypes registers, after each declaration of struct types
// inside a function, their Go names, as registerTypes does at the top
// level:
//
//	type person struct{ Name string; age int }; __goconc.RegisterType("main.person", (*person)(nil))
//
// A value of such a type handed on in an interface (func show(x any))
// printed as the interpreter's struct: {Name:ann Xage:3}, and %T, %#v and
// reflect.TypeOf spelled it out, where Go says main.person. Registering
// again, at each call, costs a map store.
func (g *gen) registerLocalTypes() {
	locals := map[types.Object]bool{}
	for _, n := range g.localStructs() {
		locals[n.Obj()] = true
	}
	if len(locals) == 0 {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			return true
		}
		var b strings.Builder
		for name, obj := range g.declaredTypes(gd) {
			if locals[obj] {
				b.WriteString("; " + HooksName + ".RegisterType(" + strconv.Quote(g.goName(obj.Type())) + ", (*" + name + ")(nil))")
			}
		}
		if b.Len() > 0 {
			g.r.After(ds, b.String())
		}
		return false
	})
}

// declaredTypes yields the named types a type declaration declares, by
// name: not aliases, generic types or blank ones.
func (g *gen) declaredTypes(gd *ast.GenDecl) iter.Seq2[string, *types.TypeName] {
	return func(yield func(string, *types.TypeName) bool) {
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			if ts.TypeParams != nil || ts.Name.Name == "_" {
				continue
			}
			obj, ok := g.c.info.Defs[ts.Name].(*types.TypeName)
			if !ok || obj.IsAlias() {
				continue
			}
			if !yield(ts.Name.Name, obj) {
				return
			}
		}
	}
}

// underlyingImplementers writes, for DynamicTypeName, a value and the Go
// name of each of the notebook's named types that are not structs and
// implement the interface t (which has methods: a value of a basic type
// cannot be in it).
func (g *gen) underlyingImplementers(t types.Type) string {
	return g.implementersBy(t, g.goName)
}

// implementersBy writes a value and name(T) of each of the notebook's
// named types T that are not structs and whose values implement the
// interface t: to reflect such a value is its underlying type, and the
// one implementer with that reflect type is its type. (A type whose
// pointer implements t is in t as a pointer.)
func (g *gen) implementersBy(t types.Type, name func(types.Type) string) string {
	var b strings.Builder
	for _, named := range g.notebookImplementers(t) {
		switch named.Underlying().(type) {
		case *types.Struct, *types.Interface:
			continue
		}
		if types.Implements(named, t.Underlying().(*types.Interface)) {
			fmt.Fprintf(&b, ", *new(%s), %q", types.TypeString(named, g.qualifier), name(named))
		}
	}
	return b.String()
}

// formatVariable rewrites a call whose format f is not a constant: which
// verb formats which operand is known only when it runs, so the format
// goes through the FormatVerbs hook, and each operand of a notebook type
// or of an interface is chosen or replaced by its type's name by the
// TypeOnly hook,
//
//	fmt.Printf(f, p)    fmt.Printf(__goconc.FormatVerbs(f, 1), []any{p, "main.point"}[__goconc.TypeOnly(f, 1, 0)])
//
// which make %T of the operand %s of its type's name (the evaluator's
// formats.go); fieldNames has passed each operand through the Fields hook
// for the other verbs. Where the names are known without evaluating an
// operand twice (its static type's, or the dynamic type of a variable of
// an interface type), the format goes through FormatNamed instead, given
// them: an operand formatted by %T and by another verb ("%[1]T %[1]v")
// keeps its value, and the %T is written as its name,
//
//	fmt.Printf(__goconc.FormatNamed(f, 1, "0", "main.point"), []any{p, "main.point"}[__goconc.TypeOnly(f, 1, 0)])
//
// A constant format with operand indexes is rewritten so too. The operand stays in the cell (the element of a
// []any keeps the interpreter's box of it, which a compiled hook's result
// would not: a Celsius printed by %v lost its String method). The format
// is read once per hook, so only a format that reading cannot change is
// rewritten: a variable, or a field of one.
func (g *gen) formatVariable(format ast.Expr, args []ast.Expr) {
	if !g.readsSame(format) {
		return
	}
	text := g.r.Text(format)
	n := strconv.Itoa(len(args))
	changed := false
	var named, names []string // operands whose type's name is known, and the names
	for k, arg := range args {
		t := g.c.info.Types[arg].Type
		if t == nil || g.c.info.Types[arg].IsNil() {
			continue
		}
		pick := "[" + HooksName + ".TypeOnly(" + text + ", " + n + ", " + strconv.Itoa(k) + ")]"
		switch {
		case types.IsInterface(t):
			typ, ok := g.localType(t)
			if !ok {
				continue
			}
			// (The element of []any it returns keeps the box: the
			// argument needs none of keepResultBoxes's, and is in
			// parentheses, as literalArg writes it.)
			g.r.Before(arg, "[]any{func(__goconc_x "+typ+") any { return []any{__goconc_x, "+HooksName+".DynamicTypeName("+g.inBox("__goconc_x", t)+g.underlyingImplementers(t)+")}"+pick+" }((")
			g.r.After(arg, "))}[0]")
			g.boxKept(arg)
			if g.readsSame(arg) { // read again for its name
				named = append(named, strconv.Itoa(k))
				names = append(names, HooksName+".DynamicTypeName("+g.inBox(g.r.Text(arg), t)+g.underlyingImplementers(t)+")")
			}
		case strings.Contains(g.goName(t), "main."):
			g.r.Before(arg, "[]any{")
			g.r.After(arg, ", "+strconv.Quote(g.goName(t))+"}"+pick)
			g.underlyingOperand(arg, true) // (%d of a Level: the verb is known when it runs)
			named, names = append(named, strconv.Itoa(k)), append(names, strconv.Quote(g.goName(t)))
		default:
			continue
		}
		changed = true
	}
	switch {
	case len(named) > 0:
		g.r.Before(format, HooksName+".FormatNamed(")
		g.r.After(format, ", "+n+", "+strconv.Quote(strings.Join(named, ","))+", "+strings.Join(names, ", ")+")")
	case changed:
		g.r.Before(format, HooksName+".FormatVerbs(")
		g.r.After(format, ", "+n+")")
	}
}

// indexedFormat reports whether a constant format has an operand index
// ("%[1]T %[1]v"), where one operand may be formatted by several verbs:
// such a format is rewritten as one that is not a constant is.
func indexedFormat(tv types.TypeAndValue) bool {
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	_, ok := parseVerbs(constant.StringVal(tv.Value)) // (which gives up on an index)
	return !ok
}

// readsSame reports whether e (a format, an operand) is a constant, a
// variable, or a field, an element, a slice, the target of a pointer of
// one, or strings joined of them:
// reading it again gives the same value, and does nothing else.
func (g *gen) readsSame(e ast.Expr) bool {
	if g.c.info.Types[e].Value != nil {
		return true // a constant
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := g.c.info.Uses[x].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		if _, ok := g.c.info.Uses[x.Sel].(*types.Var); !ok {
			return false
		}
		if id, ok := x.X.(*ast.Ident); ok {
			if _, ok := g.c.info.Uses[id].(*types.PkgName); ok {
				return true // (a package's variable)
			}
		}
		return g.readsSame(x.X)
	case *ast.IndexExpr:
		if t := g.c.info.TypeOf(x.X); t == nil || isSignature(t) {
			return false // (an instance of a generic function)
		}
		return g.readsSame(x.X) && g.readsSame(x.Index)
	case *ast.StarExpr:
		return g.readsSame(x.X)
	case *ast.SliceExpr: // (args[1:]...)
		for _, e := range []ast.Expr{x.Low, x.High, x.Max} {
			if e != nil && !g.readsSame(e) {
				return false
			}
		}
		return g.readsSame(x.X)
	case *ast.BinaryExpr: // ("[log] " + format)
		b, ok := g.c.info.TypeOf(x).Underlying().(*types.Basic)
		return ok && b.Info()&types.IsString != 0 && x.Op == token.ADD && g.readsSame(x.X) && g.readsSame(x.Y)
	}
	return false
}

func isSignature(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
