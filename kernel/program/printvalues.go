package program

import (
	"go/ast"
	"go/types"
)

// printerValues writes fmt's and log's printers taken as values (not
// called where they stand) as function literals that call them through
// fmt's hook, as fieldNames does for a call:
//
//	var p = fmt.Println
//
// becomes
//
//	var p = func(__goconc_p0 ...any) (int, error) { return fmt.Println(__goconc.FieldsEachPrinted(__goconc_p0, "")...) }
//
// Go by Example's p := fmt.Println, and a printer handed on as a func,
// printed the interpreter's values ({Xx:1 Xy:2}, a String method not
// called, a value in the interpreter's box {0xc000... {...}}). A printer
// whose format is known only when it runs (Printf) formats its operands
// as with a format that is not a constant: %T of them is the
// interpreter's (fmtVerbs cannot see the format).
func (g *gen) printerValues() {
	called := map[ast.Expr]bool{}
	g.walk(func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			called[ast.Unparen(n.Fun)] = true
		case *ast.SelectorExpr:
			if !called[n] {
				g.printerValue(n)
			}
		}
		return true
	})
}

// printerValue writes sel as printerValues says, if it names one of fmt's
// or log's printers.
func (g *gen) printerValue(sel *ast.SelectorExpr) {
	fn, ok := g.c.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil || !fn.Signature().Variadic() {
		return
	}
	name := fn.Pkg().Path() + "." + fn.Name()
	_, printf := printfFormats[name]
	if _, ok := printOperands[name]; !ok && !printf {
		return
	}
	tail, ok := g.fieldsTail(types.Universe.Lookup("any").Type(), fmtUse{sharp: printf, element: true})
	if !ok {
		return
	}
	lit, ok := g.callingLiteral(fn.Signature(), g.r.Text(sel), func(operands string) string {
		return HooksName + "." + eachHook(name) + "(" + operands + tail + ")"
	}, "")
	if !ok {
		return
	}
	g.r.Replace(sel, func() string { return lit })
}
