package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// Templates call the String methods of the notebook's named types that
// are not structs, wherever the data holds their values:
//
//	type Celsius float64
//	func (c Celsius) String() string { ... }
//	tmpl.Execute(w, Reading{"Oslo", 3.5})   // {{.Temp}}
//
// To reflection a Celsius is a float64, so the template printed 3.5 where
// Go prints 3.5°C. A declaration of such a method registers it,
//
//	__goconc.RegisterStringer((*Celsius)(nil), "main.Celsius", func(__goconc_v any) string { return Celsius(__goconc_v.(float64)).String() })
//
// and the template's data goes through PlainTemplate with the shape of its
// static type (marshalers.go), which gives each such value a compiled type
// of its kind whose String method is this one (kernel/fieldnames'
// stringers.go). A String method with a pointer receiver is not
// registered: a template calls it only on an addressable value.

// registerStringer writes the registration of the method fd, if it is the
// String method, on a value receiver, of a notebook type that is not a
// struct and that compiled reflection sees as its underlying type.
func (g *gen) registerStringer(fd *ast.FuncDecl) string {
	if fd.Name.Name != "String" || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return ""
	}
	fn, ok := g.c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return ""
	}
	sig := fn.Signature()
	named, ok := sig.Recv().Type().(*types.Named)
	if !ok || g.taggedStruct(named) || sig.Params().Len() != 0 || sig.Results().Len() != 1 ||
		!types.Identical(sig.Results().At(0).Type(), types.Typ[types.String]) {
		return ""
	}
	value, _, ok := g.codecValue(named)
	if !ok {
		return ""
	}
	name := named.Obj().Name()
	return HooksName + ".RegisterStringer((*" + name + ")(nil), " + strconv.Quote(codecName(named)) +
		", func(__goconc_v any) string { return " + value + ".String() })\n"
}
