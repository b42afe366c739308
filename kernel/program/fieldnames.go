package program

import (
	"go/ast"
	"go/constant"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/reflectname"
)

// printOperands lists the functions that format every operand from the
// one at the index on with %v.
var printOperands = map[string]int{
	"fmt.Print": 0, "fmt.Println": 0, "fmt.Sprint": 0, "fmt.Sprintln": 0,
	"fmt.Fprint": 1, "fmt.Fprintln": 1, "fmt.Append": 1, "fmt.Appendln": 1,
	"log.Print": 0, "log.Println": 0, "log.Fatal": 0, "log.Fatalln": 0, "log.Panic": 0, "log.Panicln": 0,
	"(*log.Logger).Print": 0, "(*log.Logger).Println": 0, "(*log.Logger).Fatal": 0,
	"(*log.Logger).Fatalln": 0, "(*log.Logger).Panic": 0, "(*log.Logger).Panicln": 0,
}

// fieldNames passes what fmt prints through a hook that names the fields
// of the notebook's struct types as declared, and calls their String and
// Error methods for the verbs fmt calls them for (%v, %s, %q, %x, %X):
//
//	fmt.Printf("%+v\n", p)
//
// becomes
//
//	fmt.Printf("%+v\n", __goconc.Fields(p, ""))
//
// The interpreter exports unexported fields (age is Xage: reflect.StructOf
// cannot make unexported fields), and fmt printed {Xage:3} where Go prints
// {age:3}; see kernel/fieldnames. Only operands whose type holds such a
// struct or one of the notebook's interfaces (fmt printed the interpreter's
// box of its values, and without their String methods: see walk) are
// passed, and not those of a concrete type with a method fmt would call. For %#v the hook is also given the Go name
// of each notebook type the operand holds, after a value of that type.
func (g *gen) fieldNames() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name := g.calleeName(call.Fun)
		spaced := spacedPrints[name]
		if call.Ellipsis.IsValid() {
			// fmt.Println(xs...): each element is an operand; of
			// fmt.Printf(f, xs...) too, formatted by verbs known only
			// when it runs.
			if at, ok := printOperands[name]; ok && len(call.Args) == at+1 {
				g.fieldsOperands(call.Args[at], false, eachHook(name))
			} else if at, ok := printfFormats[name]; ok && len(call.Args) == at+2 {
				g.typeNamesOfSpread(call.Args[at], call.Args[at+1])
				g.fieldsOperands(call.Args[at+1], true, eachHook(name))
			}
			return true
		}
		if at, ok := printOperands[name]; ok && len(call.Args) == at+1 {
			if g.tupleOperands(call, call.Args[at], eachHook(name)) {
				return true
			}
		}
		for _, op := range g.printedOperands(call) {
			if isReflectValue(g.c.info.TypeOf(op.arg)) && g.hasBoxedTypes() {
				// fmt prints the value a reflect.Value holds, with its
				// String method: the hook calls the method of the
				// notebook's named type kernel/namedvalues knows it is of.
				g.r.Before(op.arg, HooksName+".PrintedValue(")
				g.r.After(op.arg, ")")
				continue
			}
			if op.verbs == nil {
				// Any verb may format it (see fmtVerbs), %d and %#v of a
				// struct with String too, which call no String or Error
				// method: the hook calls them for the verbs that do,
				// knowing the struct by its reflect type. (A named type
				// that is not a struct is known by its place, where the
				// name %T prints may be: fmtVerbs' Underlying hook takes
				// it instead.)
				t := g.c.info.TypeOf(op.arg)
				g.fieldsOperand(op.arg, true, t != nil && (isStruct(deref(t)) || isInterface(t)), true, false)
			}
			for _, v := range op.verbs {
				// (%T: see fmtVerbs; %w: Errorf wraps the operand itself.)
				if v.verb != 'T' && v.verb != 'p' && v.verb != 'w' {
					sharp := v.verb == 'v' && strings.Contains(v.flags, "#")
					g.fieldsOperand(op.arg, sharp, sharp || !fieldnames.CallsString(v.verb), fieldnames.CallsString(v.verb), spaced)
				}
			}
		}
		return true
	})
}

// typeNamesOfSpread writes the %T of the operands a print spreads from
// a slice (fmt.Printf(format, args...)) as their types' names, which the
// hooks find when it runs:
//
//	fmt.Printf(format, args...)
//
// becomes
//
//	fmt.Printf(__goconc.FormatEach(format, args), __goconc.TypeNamesEach(format, args, args)...)
//
// (the last args as fieldNames hands them on). fmt's %T named the
// interpreter's type, or goconc's formatter of the operand
// (fieldnames.formatter for a [2]Celsius handed through a logf(format
// string, args ...any)). The format and the slice are read twice, so only
// ones that reading cannot change are (readsSame); a constant format
// without a T has no %T.
func (g *gen) typeNamesOfSpread(format, xs ast.Expr) {
	if !g.readsSame(format) || !g.readsSame(xs) {
		return
	}
	if tv := g.c.info.Types[format]; tv.Value != nil && (tv.Value.Kind() != constant.String || !strings.Contains(constant.StringVal(tv.Value), "T")) {
		return
	}
	f, args := g.r.Text(format), g.r.Text(xs)
	g.r.Before(format, HooksName+".FormatEach(")
	g.r.After(format, ", "+args+")")
	g.r.Before(xs, HooksName+".TypeNamesEach("+f+", "+args+", ")
	g.r.After(xs, ")")
}

// eachHook returns the hook that takes the operands of printer name
// spread from a slice: FieldsEachPrinted for a print that spaces its
// operands but strings, FieldsWrapping for fmt.Errorf, whose %w takes an
// error operand itself, else FieldsEach.
func eachHook(name string) string {
	switch {
	case spacedPrints[name]:
		return "FieldsEachPrinted"
	case name == "fmt.Errorf":
		return "FieldsWrapping"
	}
	return "FieldsEach"
}

// spacedPrints are the printers that put a space between two operands
// when neither is a string (Print, not Println): the hook must give back
// an operand that prints as a string as a string (fieldnames.Printed).
var spacedPrints = map[string]bool{
	"fmt.Print": true, "fmt.Sprint": true, "fmt.Fprint": true, "fmt.Append": true,
	"log.Print": true, "log.Fatal": true, "log.Panic": true,
	"(*log.Logger).Print": true, "(*log.Logger).Fatal": true, "(*log.Logger).Panic": true,
}

// printed is an operand of a print and the verbs that format it, in the
// format's order; nil verbs when any verb may (a format that is not a
// constant, or one with argument indexes).
type printed struct {
	arg   ast.Expr
	verbs []verb
}

// printedOperands returns the operands that a call of one of fmt's or
// log's printers formats (printOperands, printfFormats), each with its
// verbs: %v for Print and Println. A call that spreads a slice (xs...) or
// formats with a format that is not a constant and that it cannot read
// twice has none.
func (g *gen) printedOperands(call *ast.CallExpr) []printed {
	name := g.calleeName(call.Fun)
	if call.Ellipsis.IsValid() {
		return nil
	}
	var out []printed
	if at, ok := printOperands[name]; ok {
		for _, arg := range call.Args[min(at, len(call.Args)):] {
			out = append(out, printed{arg, []verb{{verb: 'v'}}})
		}
		return out
	}
	at, ok := printfFormats[name]
	if !ok || len(call.Args) <= at {
		return nil
	}
	args := call.Args[at+1:]
	tv := g.c.info.Types[call.Args[at]]
	if tv.Value == nil && g.readsSame(call.Args[at]) || indexedFormat(tv) {
		for _, arg := range args {
			out = append(out, printed{arg: arg})
		}
		return out
	}
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	verbs, ok := parseVerbs(constant.StringVal(tv.Value))
	if !ok {
		return nil
	}
	for i, arg := range args {
		op := printed{arg: arg, verbs: []verb{}}
		for _, v := range verbs {
			if v.arg == i {
				op.verbs = append(op.verbs, v)
			}
		}
		out = append(out, op)
	}
	if extra := g.extraOperands(verbs, args); extra != "" {
		// fmt formats the operands no verb takes with %v, after
		// "%!(EXTRA" (fmtVerbs writes that into the format).
		for i := len(args) - strings.Count(extra, "=%v"); i < len(args); i++ {
			out[i].verbs = []verb{{verb: 'v'}}
		}
	}
	return out
}

// printsInterface reports whether n prints an operand of an interface
// type with one of fmt's or log's printers.
func (g *gen) printsInterface(n ast.Node) bool {
	found := false
	if n != nil {
		ast.Inspect(n, func(c ast.Node) bool {
			if call, ok := c.(*ast.CallExpr); ok && !found {
				for _, op := range g.printedOperands(call) {
					if t := g.c.info.TypeOf(op.arg); t != nil && isInterface(t) {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// calleeName is "fmt.Println" or "(*log.Logger).Println" for a call of a
// compiled function or method, else "".
func (g *gen) calleeName(fun ast.Expr) string {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	fn, ok := g.c.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return ""
	}
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), func(p *types.Package) string { return p.Name() }) + ")." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// fieldsOperands passes the elements of xs, a []any spread into a print,
// through hook (eachHook), if they need it; sharp says %#v may format
// them.
func (g *gen) fieldsOperands(xs ast.Expr, sharp bool, hook string) {
	s, ok := g.c.info.TypeOf(xs).Underlying().(*types.Slice)
	if !ok {
		return
	}
	if tail, ok := g.fieldsTail(s.Elem(), fmtUse{sharp: sharp, element: true}); ok {
		g.r.Before(xs, HooksName+"."+hook+"(")
		g.r.After(xs, tail+")")
	}
}

// tupleOperands spreads the results of a call that is a print's only
// operand through a function literal into hook (eachHook), if they need
// it:
//
//	fmt.Println(parse("20"))
//
// becomes
//
//	fmt.Println(__goconc.FieldsEachPrinted(func(__goconc_t1 Celsius, __goconc_t2 error) []any { return []any{__goconc_t1, __goconc_t2} }(parse("20")), "")...)
//
// The interpreter hands a call's results on to compiled code without the
// box of a value of the notebook's named types: Println printed 20, not
// Celsius's 20.0°C. Put in an []any by interpreted code, each keeps it.
func (g *gen) tupleOperands(call *ast.CallExpr, arg ast.Expr, hook string) bool {
	tuple, ok := g.c.info.TypeOf(arg).(*types.Tuple)
	if !ok || tuple.Len() < 2 || !g.hasBoxedTypes() && len(g.fmtStructs()) == 0 {
		return false
	}
	if inner, ok := ast.Unparen(arg).(*ast.CallExpr); !ok || g.compiled(inner.Fun) {
		return false // compiled code's results have no boxes (sync.Map's Load: keepValues)
	}
	tail, ok := g.fieldsTail(types.Universe.Lookup("any").Type(), fmtUse{element: true})
	if !ok {
		return false
	}
	var params, names []string
	for v := range tuple.Variables() {
		typ, ok := g.localType(v.Type())
		if !ok {
			return false
		}
		name := g.r.Temp("t")
		params, names = append(params, name+" "+typ), append(names, name)
	}
	g.r.Before(arg, HooksName+"."+hook+"(func("+strings.Join(params, ", ")+") []any { return []any{"+strings.Join(names, ", ")+"} }(")
	g.r.After(arg, ")"+tail+")")
	g.r.At(call, call.Rparen, "...")
	return true
}

// fieldsOperand passes arg through the Fields hook if its type needs it;
// sharp, methodless and spaced are fmtUse's (spaced: FieldsPrinted),
// stringy says the verb may call String or Error (%v, %s, %q, %x, %X).
func (g *gen) fieldsOperand(arg ast.Expr, sharp, methodless, stringy, spaced bool) {
	if g.fieldArgs[arg] {
		return // a verb of its own already did (Printf("%v %+v", p, p) has two operands)
	}
	if g.callsRecover(arg) {
		// fmt.Println("recovered:", recover()): inside the hook's call,
		// recover() returned nil and the panic went on.
		return
	}
	t := g.c.info.TypeOf(arg)
	_, asserted := ast.Unparen(arg).(*ast.TypeAssertExpr)
	tail, ok := g.fieldsTail(t, fmtUse{sharp: sharp, methodless: methodless, spaced: spaced, unwrapped: asserted && g.notebookType(t)})
	if !ok && !stringy && t != nil && isInterface(t) && (g.hasBoxedTypes() || len(g.fmtStructs()) > 0) {
		// %d of an error holding one of the notebook's values: fmt got
		// the interpreter's wrapper (or box) of it, which the hook takes
		// off, as fmt calls no String or Error method for the verb.
		tail, ok = `, ""`, true
	}
	if !ok {
		return
	}
	if g.fieldArgs == nil {
		g.fieldArgs = map[ast.Expr]bool{}
	}
	g.fieldArgs[arg] = true
	hook := ".Fields("
	if spaced {
		hook = ".FieldsPrinted("
	}
	g.r.Before(arg, HooksName+hook)
	g.r.After(arg, tail+")")
	g.boxOperand(arg, t) // (inside the hook's call: the box names the value's type)
}

// callsRecover reports whether e calls the builtin recover.
func (g *gen) callsRecover(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := g.c.info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// fmtUse says how a printer formats an operand.
type fmtUse struct {
	sharp      bool // %#v may format it
	methodless bool // the verbs that format it call no String or Error method (%#v, %d; a constant format)
	element    bool // an element of a slice spread into a print (an any there is the interpreter's box of the notebook's values)
	spaced     bool // an operand of a print that spaces operands but strings (Print, Sprint)
	// unwrapped: the operand reaches fmt without the interpreter's
	// wrapper that holds its methods (an assertion's result, x.(Code):
	// fmt.Println of it printed {1} for Go's code-1)
	unwrapped bool
}

// fieldsTail returns the arguments of the hook after the operand, for an
// operand of type t formatted as u says, and whether it needs the hook at
// all.
func (g *gen) fieldsTail(t types.Type, u fmtUse) (string, bool) {
	if t == nil {
		return "", false
	}
	sharp := u.sharp
	stringKind := u.spaced && isStringKind(t)
	if !isInterface(t) && hasFmtMethod(t) && !g.nilStringer(t) && !(u.methodless && !hasGoSyntaxMethod(t)) && !stringKind && !u.unwrapped &&
		!(sharp && strings.Contains(fmtMethod(t)+"+"+fmtMethod(types.NewPointer(t)), "GoString")) {
		// (%#v calls neither String nor Error: fmt printed the fields
		// of a netErr with an Error method by their interpreter's names,
		// and %d the interpreter's wrapper of a Person with String. A
		// value of a string kind is a string to Print's spacing, which
		// the interpreter's wrapper is not. The interpreter's wrapper
		// has Format and String, not GoString: the hook calls it.)
		return "", false
	}
	// An error or a fmt.Stringer holds the interpreter's wrapper of a
	// value of the notebook's, which the hook must look into for %#v, and
	// for Print's spacing when the value may be of a string kind.
	intoWrappers := sharp && u.methodless && g.wrapsForGoSyntax(t) || u.spaced && g.wrapsStrings(t) || g.wrapsFormatters(t, sharp)
	if isInterface(t) && !g.notebookInterface(t) && !methodLiteral(t) && !u.element && !intoWrappers {
		// The interpreter hands fmt a value in an any or a standard
		// interface as it is, wrapped with the methods fmt looks for;
		// but an any that compiled code gave back (sync.Map's Load,
		// context's Value) holds a struct without them, a value of a
		// named type with methods is in the interpreter's box, and a
		// struct's unexported fields have the interpreter's names
		// (func debug(v any) printed %+v as {Name:x Xage:1}).
		if t.Underlying().(*types.Interface).NumMethods() > 0 {
			if !g.wrappedForFmt(t) {
				return "", false
			}
		} else if !g.hasBoxedTypes() && !g.hasHiddenFields(sharp) {
			return "", false
		}
	}
	w := fieldsWalk{g: g, seen: map[types.Type]bool{}, intoWrappers: intoWrappers, sharp: sharp}
	w.walk(t)
	if w.anyReached {
		// An any holds the notebook's values without their methods
		// (and, inside a slice or map, in the interpreter's box):
		// the hook must know the struct types fmt prints by a method.
		for _, nt := range g.fmtStructs() {
			if !w.seen[nt] {
				w.seen[nt] = true
				w.named = append(w.named, nt)
				w.methodsOf(nt)
			}
		}
	}
	// A named type that is not a struct is known by its place in t, which
	// the shape says (a Status field is an int to reflect, and so is the
	// int beside it): the hook calls its method by its name, and %#v
	// names it (main.Money, not int64).
	shape := g.codecShape(t)
	if !w.unexported && len(w.methods)+len(w.ptrMethods) == 0 && !w.boxes && !w.anyReached && !w.locks && !(sharp && shape != "-") {
		return "", false
	}
	tail := ", " + strconv.Quote(strings.Join(w.exported, ","))
	if w.anyReached {
		// A named type that is not a struct is its underlying type to
		// reflect: the hook knows it by the name in the interpreter's box.
		for _, nt := range g.boxedFmtTypes() {
			tail += g.methodTriples("nil", strconv.Quote(g.boxName(nt)), types.TypeString(nt, g.qualifier), fmtMethod(nt))
		}
	}
	if shape != "-" {
		tail += `, nil, "", ` + strconv.Quote(shape)
	}
	// A value of each type the hook must know, its Go name (for %#v) and a
	// function calling the method fmt would call (String or Error).
	for _, nt := range w.named {
		text := types.TypeString(nt, g.qualifier)
		name := `""`
		if sharp {
			name = strconv.Quote(g.goName(nt))
		}
		m := w.methods[nt]
		if _, _, byShape := g.codecValue(nt); byShape && shape != "-" && !isStruct(nt) {
			if m != "" {
				tail += g.methodTriples("nil", strconv.Quote(codecName(nt)), text, m)
			}
		} else if m != "" && g.unnamedToReflect(nt) && !isStruct(nt) {
			// A named type that is not a struct is its underlying type to
			// reflect (a Square is a float64): known by its box, or by
			// its place in a struct's registered fields, never by its
			// reflect type, or every float64 printed as a Square.
			tail += g.methodTriples("nil", strconv.Quote(g.boxName(nt)), text, m)
		} else if m != "" {
			tail += g.methodTriples("*new("+text+")", name, text, m)
			if g.unnamedToReflect(nt) {
				// A struct type without fields, struct{} to reflect
				// as all such types are: in a box, its name tells.
				tail += g.methodTriples("nil", strconv.Quote(g.boxName(nt)), text, m)
			}
		} else if name != `""` {
			tail += ", *new(" + text + "), " + name + ", nil"
		}
		if m := w.ptrMethods[nt]; m != "" {
			tail += g.methodTriples("(*"+text+")(nil)", `""`, "*"+text, m)
		}
	}
	return tail, true
}

// hasHiddenFields reports whether a value of one of the notebook's
// package-level struct types in an interface prints otherwise than fmt
// would print it: it has an unexported field, which the interpreter
// renamed, or, for %#v (sharp), at all (fmt would spell its type as the
// interpreter's struct).
func (g *gen) hasHiddenFields(sharp bool) bool {
	if g.hasHiddenFieldsInPlace() {
		return true
	}
	for _, n := range append(g.packageTypes(), g.localStructs()...) {
		st, ok := n.Underlying().(*types.Struct)
		if !ok || isInterface(n) {
			continue
		}
		if sharp {
			return true
		}
		for f := range st.Fields() {
			if !f.Exported() || renamedEmbedded(f) {
				return true
			}
		}
	}
	return false
}

// renamedEmbedded reports whether f embeds a type kernel/generics
// renamed, whose name the field has (Itemᐧlocal, Boxᐸintᐳ): fmt's hook
// names it as declared (Item, Box).
func renamedEmbedded(f *types.Var) bool {
	return f.Embedded() && strings.ContainsAny(f.Name(), "ᐧᐸ")
}

// localStructs are the struct types the cell declares inside functions
// (func main() { type person struct{ name string } ... }), which print
// through fmt's hook as the package-level ones do (registerLocalTypes
// names them), but for those of generic functions, which run as their
// instances.
func (g *gen) localStructs() []*types.Named {
	if g.locals != nil {
		return *g.locals
	}
	var out []*types.Named
	for id, obj := range g.c.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Parent() == nil || tn.Parent() == g.c.pkg.Scope() || id.Name == "_" {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && isStruct(n) && n.TypeParams().Len() == 0 && !g.inGeneric(tn) {
			out = append(out, n)
		}
	}
	g.locals = &out
	return out
}

// declaresPrintedStructs reports whether declaration d declares a struct
// type inside a function, or writes one in place with an unexported
// field: fmt's hook must name such a type, or its fields, in an any, and
// functions compiled before that printed an any without the hook
// (hasHiddenFields) are compiled again, as for a new type.
func (g *gen) declaresPrintedStructs(d *Decl) bool {
	s := g.segmentOf(d)
	if s == nil {
		return false
	}
	fd, ok := s.node.(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.TypeSpec:
			_, found = n.Type.(*ast.StructType)
			return false
		case *ast.StructType:
			for _, f := range n.Fields.List {
				for _, id := range f.Names {
					found = found || !id.IsExported()
				}
			}
		}
		return !found
	})
	return found
}

// inGeneric reports whether obj is declared inside a generic function or
// a method of a generic type.
func (g *gen) inGeneric(obj types.Object) bool {
	found := false
	g.walk(func(n ast.Node) bool {
		fd, ok := n.(*ast.FuncDecl)
		if !ok {
			return !found
		}
		if fn := g.c.info.Defs[fd.Name]; fn != nil && fd.Pos() <= obj.Pos() && obj.Pos() < fd.End() {
			sig, _ := fn.Type().(*types.Signature)
			found = sig != nil && (sig.TypeParams().Len() > 0 || sig.RecvTypeParams().Len() > 0)
		}
		return false
	})
	return found
}

// hasHiddenFieldsInPlace reports whether the cell, or a variable of the
// notebook's top level, has a struct type written in place (not
// declared) with an unexported field: the interpreter renamed it, and a
// value of it in an interface printed so (func debug(v any) printed
// {Name:x Xage:1} for a struct{ Name string; age int }).
func (g *gen) hasHiddenFieldsInPlace() bool {
	g.scanStructFields()
	return *g.hiddenInPlace
}

// registerExportedFields is the hook call that tells the evaluator the
// cell's exported fields that look renamed (Xmin): in a struct type
// written in place, which has no tags to tell, an Xmin is otherwise
// taken for a renamed min (fieldnames.RegisterExportedFields).
func (g *gen) registerExportedFields() string {
	g.scanStructFields()
	if len(g.lookalikes) == 0 {
		return ""
	}
	return HooksName + ".RegisterExportedFields(" + strconv.Quote(strings.Join(g.lookalikes, ",")) + ")\n"
}

// scanStructFields walks the types of the cell's expressions and of the
// notebook's top-level variables for hasHiddenFieldsInPlace and
// registerExportedFields, once.
func (g *gen) scanStructFields() {
	if g.hiddenInPlace != nil {
		return
	}
	hidden := false
	names := map[string]bool{}
	seen := map[types.Type]bool{}
	var walk func(t types.Type, inPlace bool)
	walk = func(t types.Type, inPlace bool) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			if t.Obj().Pkg() == g.c.pkg {
				walk(t.Underlying(), false)
			}
		case *types.Struct:
			for f := range t.Fields() {
				if !f.Exported() {
					hidden = hidden || inPlace
				} else if fieldnames.LooksRenamed(f.Name()) {
					names[f.Name()] = true
				}
				walk(f.Type(), true)
			}
		case *types.Pointer:
			walk(t.Elem(), true)
		case *types.Slice:
			walk(t.Elem(), true)
		case *types.Array:
			walk(t.Elem(), true)
		case *types.Map:
			walk(t.Key(), true)
			walk(t.Elem(), true)
		case *types.Chan:
			walk(t.Elem(), true)
		}
	}
	for _, tv := range g.c.info.Types {
		walk(tv.Type, true)
	}
	for _, name := range g.c.pkg.Scope().Names() {
		if v, ok := g.c.pkg.Scope().Lookup(name).(*types.Var); ok {
			walk(v.Type(), true)
		}
	}
	g.hiddenInPlace = &hidden
	g.lookalikes = slices.Sorted(maps.Keys(names))
}

// nilStringer reports whether t is a pointer to one of the notebook's
// struct types with a String or Error method: fmt calls it on a nil
// pointer too, and a method with a pointer receiver may answer (a tree's
// String prints its nil children as "()"), one with a value receiver
// panics, which fmt prints as <nil>; the interpreter handed fmt a bare nil
// pointer, printed <nil> and %!s(<nil>). The hook calls it.
func (g *gen) nilStringer(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg || !isStruct(n) || fmtMethod(p) == "" {
		return false
	}
	ms := types.NewMethodSet(p)
	return ms.Lookup(nil, "Format") == nil && ms.Lookup(nil, "GoString") == nil
}

// methodTriples is the tail of the hook's arguments for the methods ms
// (fmtMethod's) of type text: for each, value, name and the function the
// hook calls. String, Error, Format and GoString are called in the cell
// (on a nil pointer too, as fmt calls them), and an error is handed back
// as one too.
func (g *gen) methodTriples(value, name, text, ms string) string {
	var b strings.Builder
	for _, m := range strings.Split(ms, "+") {
		var call string
		switch m {
		case "Error":
			// Called in the cell, on a nil pointer too (a converted nil
			// *T was Yaegi's nil error, whose Error the hook could not
			// call: <nil> for Go's "nil tree"); the converter hands
			// fmt.Errorf's %w an error.
			b.WriteString(", " + value + ", " + name + ", " + HooksName + ".ErrorFunc(func(v any) string { return v.(" + text + ").Error() })")
			call = "func(v any) error { return v.(" + text + ") }"
		case "Format":
			t := g.fmtNamed("fmt", "State")
			if t == nil {
				continue
			}
			state, ok := g.localType(t)
			if !ok {
				continue
			}
			call = "func(v any, f " + state + ", c rune) { v.(" + text + ").Format(f, c) }"
		case "GoString":
			call = HooksName + ".GoStringFunc(func(v any) string { return v.(" + text + ").GoString() })"
		default:
			call = "func(v any) string { return v.(" + text + ").String() }"
		}
		b.WriteString(", " + value + ", " + name + ", " + call)
	}
	return b.String()
}

// qualifier writes types as the cell names them.
func (g *gen) qualifier(p *types.Package) string {
	if p == g.c.pkg {
		return ""
	}
	return p.Name()
}

// goName is a type's name as %T and %#v write it: main.point, and
// main.List[int] for an instance (not the lowered instance's name).
func (g *gen) goName(t types.Type) string {
	return g.p.names.TypeNames(reflectname.Of(t, g.mainQualifier))
}

// mainQualifier names the notebook's package main, others by their names.
func (g *gen) mainQualifier(p *types.Package) string {
	if p == g.c.pkg {
		return "main"
	}
	return p.Name()
}

// boxName is a type's name as the interpreter's box of its values says it
// (fieldnames.BoxName): main.point, and main.Listᐸintᐳ for an instance.
// The two local types F of two functions have two such names where Go
// writes main.F for both, so the rules that tell one type from another by
// the name in a box use this one.
func (g *gen) boxName(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == g.c.pkg {
			return "main"
		}
		return p.Name()
	})
}

// hasFmtMethod reports whether fmt formats values of t by a method.
func hasFmtMethod(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for _, name := range []string{"String", "Error", "Format", "GoString"} {
		if sel := ms.Lookup(nil, name); sel != nil && fmtSignature(name, sel.Obj().Type().(*types.Signature)) {
			return true
		}
	}
	return false
}

// hasGoSyntaxMethod reports whether fmt formats a value of type t with
// %#v by a method of its own: GoString or Format.
func hasGoSyntaxMethod(t types.Type) bool {
	ms := types.NewMethodSet(t)
	for _, name := range []string{"Format", "GoString"} {
		if sel := ms.Lookup(nil, name); sel != nil && fmtSignature(name, sel.Obj().Type().(*types.Signature)) {
			return true
		}
	}
	return false
}

// wrapsForGoSyntax reports whether t is error or fmt.Stringer and one of
// the notebook's types implements it: the interpreter hands fmt such a
// value in its wrapper, which %#v, calling no Error or String method,
// printed as interp._error{IValue:..., WError:...}.
func (g *gen) wrapsForGoSyntax(t types.Type) bool {
	if !isStringer(t) && !types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	return len(g.notebookImplementers(t)) > 0
}

// wrapsFormatters reports whether t is error or fmt.Stringer and one of
// the notebook's types that implement it has a Format method, or, for
// %#v (sharp), a GoString method: the interpreter's wrapper of such a
// value has Error or String alone, which fmt called (a traced error's
// %+v lost its trace). The hook calls the method on the value in the
// wrapper.
func (g *gen) wrapsFormatters(t types.Type, sharp bool) bool {
	if !g.wrapsForGoSyntax(t) {
		return false
	}
	for _, n := range g.notebookImplementers(t) {
		ms := fmtMethod(n) + "+" + fmtMethod(types.NewPointer(n))
		if strings.Contains(ms, "Format") || sharp && strings.Contains(ms, "GoString") {
			return true
		}
	}
	return false
}

// isStringKind reports whether t's values are strings to fmt's spacing:
// a type whose underlying type is string.
func isStringKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// wrapsStrings reports whether t is error or fmt.Stringer and one of the
// notebook's types of a string kind implements it: Print spaces such a
// value as a string, but the interpreter's wrapper of it as something
// else ("Ea Eb" for Go's "EaEb").
func (g *gen) wrapsStrings(t types.Type) bool {
	if !g.wrapsForGoSyntax(t) {
		return false
	}
	for _, n := range g.notebookImplementers(t) {
		if isStringKind(n) {
			return true
		}
	}
	return false
}

// fmtSignature reports whether a method name of signature sig is the one
// fmt calls: String() string, not Format(layout string) string.
func fmtSignature(name string, sig *types.Signature) bool {
	params, results := sig.Params(), sig.Results()
	if name == "Format" {
		return params.Len() == 2 && results.Len() == 0 && types.TypeString(params.At(0).Type(), nil) == "fmt.State" &&
			types.Identical(params.At(1).Type(), types.Typ[types.Rune])
	}
	return params.Len() == 0 && results.Len() == 1 && types.Identical(results.At(0).Type(), types.Typ[types.String])
}

// fieldsWalk looks through a type for the notebook's struct types with
// unexported fields, as far as fmt prints without an interface between.
type fieldsWalk struct {
	g    *gen
	seen map[types.Type]bool
	// intoWrappers says the notebook's values in an error or a
	// fmt.Stringer are reached (fieldsTail).
	intoWrappers bool
	sharp        bool           // %#v may format the operand
	unexported   bool           // a struct with an unexported field was found
	exported     []string       // exported fields named like renamed ones (Xmin)
	named        []*types.Named // the notebook's named types
	// boxes says values of the notebook's interfaces were reached, which
	// the interpreter keeps in a struct of its own (kernel/fieldnames);
	// anyReached, values of an empty interface, which may hold them too.
	boxes, anyReached bool
	// methods are the notebook's types (T or *T) whose values fmt formats
	// by a method, and the method: Error, else String. The interpreter's
	// values inside another value have none of their methods for fmt.
	methods, ptrMethods map[*types.Named]string
	// locks says a sync.Mutex, RWMutex, WaitGroup, Once or Map was
	// reached.
	locks bool
}

// fmtMethod returns the methods fmt may call on a value of t, joined by
// "+": Format (for every verb), GoString (for %#v), and the one it calls
// for %v, Error, else String.
func fmtMethod(t types.Type) string {
	ms := types.NewMethodSet(t)
	var names []string
	for _, name := range []string{"Format", "GoString", "Error", "String"} {
		sel := ms.Lookup(nil, name)
		if sel == nil {
			continue
		}
		if sig, ok := sel.Type().(*types.Signature); ok && fmtSignature(name, sig) {
			names = append(names, name)
			if name == "Error" {
				break // (not String too)
			}
		}
	}
	return strings.Join(names, "+")
}

// methodsOf records the methods fmt would call on values of t and *t.
func (w *fieldsWalk) methodsOf(t *types.Named) {
	m, pm := fmtMethod(t), fmtMethod(types.NewPointer(t))
	if m == "" && pm == "" {
		return
	}
	if w.methods == nil {
		w.methods, w.ptrMethods = map[*types.Named]string{}, map[*types.Named]string{}
	}
	if m != "" {
		w.methods[t] = m
	}
	if pm != "" {
		w.ptrMethods[t] = pm
	}
}

func (w *fieldsWalk) walk(t types.Type) {
	t = types.Unalias(t)
	if w.seen[t] {
		return
	}
	w.seen[t] = true
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() != w.g.c.pkg && !w.g.wrappedForFmt(t) && !(w.intoWrappers && w.g.wrapsForGoSyntax(t)) && !w.g.wrapsFormatters(t, w.sharp) {
			// A compiled type holds none of the notebook's values, but
			// a cell's locks are goconc's, which the hook prints as the
			// standard library's (fieldnames' stdSyncView).
			w.locks = w.locks || t.Obj().Pkg() != nil && fieldnames.ShownAsStdSync(t.Obj().Pkg().Path(), t.Obj().Name())
			return
		}
		if _, ok := t.Underlying().(*types.Interface); ok {
			// The interpreter keeps what the notebook's interfaces
			// hold in a box of its own, without the methods.
			impls := w.g.notebookImplementers(t)
			w.boxes = w.boxes || len(impls) > 0
			for _, nt := range impls {
				w.walk(nt)
			}
			return
		}
		w.named = append(w.named, t)
		w.methodsOf(t)
		w.walk(t.Underlying())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if !f.Exported() || renamedEmbedded(f) {
				w.unexported = true
			} else if fieldnames.LooksRenamed(f.Name()) {
				w.exported = append(w.exported, f.Name())
			}
			w.walk(f.Type())
		}
	case *types.Interface:
		w.anyReached = w.anyReached || t.NumMethods() == 0
		if t.NumMethods() > 0 {
			// An interface literal (case interface{ Error() string }:)
			// holds the notebook's values as its interfaces do.
			impls := w.g.notebookImplementers(t)
			w.boxes = w.boxes || len(impls) > 0
			for _, nt := range impls {
				w.walk(nt)
			}
		}
	case *types.Pointer:
		w.walk(t.Elem())
	case *types.Slice:
		w.walk(t.Elem())
	case *types.Array:
		w.walk(t.Elem())
	case *types.Map:
		w.walk(t.Key())
		w.walk(t.Elem())
	}
}

// wrappedForFmt reports whether t is a compiled interface with methods
// other than error and fmt.Stringer that one of the notebook's types
// implements: the interpreter hands fmt such a value in its wrapper, a
// struct of the value and its methods, which fmt printed as
// {0xc000012345 0x4e5280} for Go's &{x} (an io.Reader holding a
// *MyReader). fmt calls error's and Stringer's method on the wrapper.
func (g *gen) wrappedForFmt(t types.Type) bool {
	if !compiledNamed(t) || !isInterface(t) || isStringer(t) || types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	return len(g.notebookImplementers(t)) > 0
}

// fmtStructs returns the notebook's package-level struct types with
// fields that fmt prints by a method (of the type or of its pointer): the
// hook finds a value's method by its reflect type, which tagStructs makes
// each such type's own.
func (g *gen) fmtStructs() []*types.Named {
	var out []*types.Named
	for _, named := range g.packageTypes() {
		if s, ok := named.Underlying().(*types.Struct); !ok || s.NumFields() == 0 {
			continue
		}
		if fmtMethod(named) != "" || fmtMethod(types.NewPointer(named)) != "" {
			out = append(out, named)
		}
	}
	return out
}

// boxedFmtTypes returns the notebook's package-level named types that
// reflect cannot tell from their underlying types (unnamedToReflect) and
// that have a String or Error method: the hook finds the method by the
// name in the interpreter's box.
func (g *gen) boxedFmtTypes() []*types.Named {
	var out []*types.Named
	for _, named := range g.packageTypes() {
		if g.unnamedToReflect(named) && fmtMethod(named) != "" {
			out = append(out, named)
		}
	}
	return out
}

// notebookInterface reports whether t is an interface type the notebook
// declares.
func (g *gen) notebookInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() == g.c.pkg && isInterface(n)
}

// methodLiteral reports whether t is an interface type literal with
// methods (case interface{ Error() string }:), whose values the
// interpreter holds as it holds those of the notebook's interfaces: fmt
// printed a Code in one as its int, 404, not by its Error.
func methodLiteral(t types.Type) bool {
	i, ok := types.Unalias(t).(*types.Interface)
	return ok && i.NumMethods() > 0
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}
