package program

import (
	"go/ast"
	"go/types"
)

// The interpreter hands a notebook value to fmt's and log's printing
// functions in a wrapper of the first of fmt.Formatter, error and
// fmt.Stringer (kernel/symbols/std's MapTypes) whose method names the
// value's type has, whatever the methods' signatures and whatever the
// parameter's type:
//
//	func (d Date) Format(layout string) string     fmt.Println(d) panicked: "func(string) string is not assignable to type func(fmt.State, int32)"
//	func (b *Buf) String() string                   fmt.Fprintf(b, ...) panicked: "Call using std._fmt_Stringer as type io.Writer" (b also has Write)
//	type Stamp struct{ time.Time; label string }    fmt.Println(s) took the forwarded Format (forwarders.go) for a Formatter
//
// pickWrappers hands such an argument on as the interface the call should
// see it as, through a hook taking that interface, which the interpreter
// wraps it for (a conversion makes no wrapper): fmt.Fprint's writer as an
// io.Writer (AsWriter(b)); another as the first of fmt.Formatter, error
// and fmt.Stringer that its type implements as go/types says, as Go's fmt
// looks for them (AsStringer(s)), or converted to any when it implements
// none, which the interpreter hands on as it is.
func (g *gen) pickWrappers() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		fn, ok := g.callee(call.Fun).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		wraps, printer := wrappedPrinters[fn.Pkg().Path()+"."+fn.Name()]
		if fn.Signature().Recv() != nil {
			wraps, printer = false, loggerPrinters[g.calleeName(call.Fun)]
		}
		if !printer {
			return true
		}
		sig := fn.Signature()
		if len(call.Args) == 1 && sig.Params().Len() > 1 {
			return true // f(g()): the values of a call
		}
		for i, arg := range call.Args {
			if g.numeric[arg] {
				continue
			}
			if to := g.wrapperFor(g.c.info.TypeOf(arg), paramType(sig, i, false), wraps); to != "" {
				g.r.Before(arg, to+"(")
				g.r.After(arg, ")")
			}
		}
		return true
	})
}

// wrappedPrinters are the functions MapTypes lists with fmt's interfaces.
var wrappedPrinters = map[string]bool{
	"fmt.Errorf": true, "fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true,
	"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true,
	"fmt.Sprint": true, "fmt.Sprintf": true, "fmt.Sprintln": true,
	"log.Print": true, "log.Printf": true, "log.Println": true,
	"log.Fatal": true, "log.Fatalf": true, "log.Fatalln": true,
	"log.Panic": true, "log.Panicf": true, "log.Panicln": true,
}

// loggerPrinters are the printing methods of a *log.Logger, which print
// as fmt does; MapTypes cannot list methods, so the interpreter hands
// their arguments on unwrapped: l.Println(level) printed 2 for Go's WARN.
var loggerPrinters = map[string]bool{
	"(*log.Logger).Print": true, "(*log.Logger).Printf": true, "(*log.Logger).Println": true,
	"(*log.Logger).Fatal": true, "(*log.Logger).Fatalf": true, "(*log.Logger).Fatalln": true,
	"(*log.Logger).Panic": true, "(*log.Logger).Panicf": true, "(*log.Logger).Panicln": true,
}

// fmtInterfaces are MapTypes' interfaces for the printers, in its order,
// with the method the interpreter finds each by and the hook that hands a
// value on as one (a conversion makes no wrapper).
var fmtInterfaces = []struct{ pkg, name, method, hook string }{
	{"fmt", "Formatter", "Format", "AsFormatter"},
	{"", "error", "Error", "AsError"},
	{"fmt", "Stringer", "String", "AsStringer"},
}

// wrapperFor returns the conversion an argument of type t to a parameter
// of type param needs, or "" if the interpreter hands it on as it should;
// wraps says whether the interpreter wraps it by MapTypes.
func (g *gen) wrapperFor(t, param types.Type, wraps bool) string {
	if t == nil || param == nil || isInterface(t) || !g.notebookType(t) {
		return ""
	}
	// The interpreter's pick: by method names, of the value or its pointer.
	names := map[string]bool{}
	for _, mt := range []types.Type{t, types.NewPointer(deref(t))} {
		for sel := range types.NewMethodSet(mt).Methods() {
			names[sel.Obj().Name()] = true
		}
	}
	picked := -1
	for i, fi := range fmtInterfaces {
		if wraps && names[fi.method] {
			picked = i
			break
		}
	}
	if picked < 0 && wraps {
		return "" // handed on as it is
	}
	if iface, ok := param.Underlying().(*types.Interface); !ok || !iface.Empty() {
		// fmt.Fprint's writer, the one such parameter: a conversion to
		// io.Writer makes no wrapper, a compiled function taking one does.
		if named, ok := param.(*types.Named); ok && named.Obj().Pkg() != nil &&
			named.Obj().Pkg().Path() == "io" && named.Obj().Name() == "Writer" {
			return HooksName + ".AsWriter"
		}
		return ""
	}
	want := g.fmtInterfaceOf(t)
	if _, isFunc := t.Underlying().(*types.Signature); isFunc && want >= 0 {
		// A function's wrapper the interpreter makes for fmt's ...any
		// prints as the function (fmt.Println(op) of a type Op
		// func(int) int with String printed 0x4e5b20), and neither a
		// hook's parameter nor a conversion takes one: a variable of
		// the interface does, as the parameter of a function literal.
		fi := fmtInterfaces[want]
		if typ, ok := g.localType(g.fmtNamed(fi.pkg, fi.name)); ok {
			return "func(__goconc_v " + typ + ") " + typ + " { return __goconc_v }"
		}
	}
	switch {
	case want == picked:
		return ""
	case want < 0:
		return "any"
	}
	return HooksName + "." + fmtInterfaces[want].hook
}

// fmtInterfaceOf returns the index in fmtInterfaces of the first of
// fmt.Formatter, error and fmt.Stringer that t implements, as Go's fmt
// looks for them, or -1.
func (g *gen) fmtInterfaceOf(t types.Type) int {
	for i, fi := range fmtInterfaces {
		if iface := g.fmtInterface(fi.pkg, fi.name); iface != nil && types.Implements(t, iface) {
			return i
		}
	}
	return -1
}

// fmtInterface returns the interface type pkg.name ("" for the universe),
// or nil if the checked program does not know it.
func (g *gen) fmtInterface(pkg, name string) *types.Interface {
	t := g.fmtNamed(pkg, name)
	if t == nil {
		return nil
	}
	iface, _ := t.Underlying().(*types.Interface)
	return iface
}

// fmtNamed returns the named type pkg.name ("" for the universe), or nil
// if pkg cannot be imported.
func (g *gen) fmtNamed(pkg, name string) types.Type {
	if pkg == "" {
		return types.Universe.Lookup(name).Type()
	}
	p, err := g.p.imp.Import(pkg)
	if err != nil {
		return nil
	}
	if obj, ok := p.Scope().Lookup(name).(*types.TypeName); ok {
		return obj.Type()
	}
	return nil
}
