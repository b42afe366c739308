package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// printerValues writes fmt's and log's printers taken as values (not
// called where they stand) as function literals that call them through
// fmt's hook, as fieldNames does for a call:
//
//	var p = fmt.Println
//
// becomes
//
//	var p = func(__goconc_a ...any) (int, error) { return fmt.Println(__goconc.FieldsEachPrinted(__goconc_a, "")...) }
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
// or log's printers of strings and operands.
func (g *gen) printerValue(sel *ast.SelectorExpr) {
	fn, ok := g.c.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return
	}
	name := fn.Pkg().Path() + "." + fn.Name()
	at, printf := printfFormats[name]
	if !printf {
		if at, ok = printOperands[name]; !ok {
			return
		}
	}
	sig := fn.Signature()
	if !sig.Variadic() || sig.Params().Len() != at+1+btoi(printf) {
		return
	}
	var params, args []string
	for i := 0; i < sig.Params().Len()-1; i++ {
		if !types.Identical(sig.Params().At(i).Type(), types.Typ[types.String]) {
			return // (Fprintln's io.Writer: not a value a program hands on)
		}
		p := "__goconc_p" + string(rune('0'+i))
		params, args = append(params, p+" string"), append(args, p)
	}
	tail, ok := g.fieldsTail(types.Universe.Lookup("any").Type(), fmtUse{sharp: printf, element: true})
	if !ok {
		return
	}
	params = append(params, "__goconc_a ...any")
	args = append(args, HooksName+"."+eachHook(name)+"(__goconc_a"+tail+")...")
	var results []string
	for i := 0; i < sig.Results().Len(); i++ {
		results = append(results, types.TypeString(sig.Results().At(i).Type(), nil))
	}
	call := g.r.Text(sel) + "(" + strings.Join(args, ", ") + ")"
	if len(results) > 0 {
		call = "return " + call
	}
	g.r.Replace(sel, func() string {
		return "func(" + strings.Join(params, ", ") + ") (" + strings.Join(results, ", ") + ") { " + call + " }"
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
