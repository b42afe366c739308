package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// unsafeCalls gives cells the functions of package unsafe as Go has them.
//
// unsafe.Sizeof, Alignof and Offsetof are constants in Go (const n =
// unsafe.Sizeof(x) is valid); Yaegi has them as functions of the
// interpreter's own representation. They become their values, which
// go/types computes with gc's sizes for this platform:
//
//	unsafe.Sizeof(x)    uintptr(24)
//
// unsafe.Slice, SliceData, String and StringData (Go 1.17 and 1.20) are
// missing from Yaegi's unsafe; they become compiled hooks, with the checks
// and panics of Go's runtime, the generic ones asserted to their type:
//
//	unsafe.Slice(p, n)      UnsafeSlice(p, int64(n)).([]T)
//	unsafe.SliceData(s)     UnsafeSliceData(s).(*T)
//	unsafe.String(p, n)     UnsafeString(p, int64(n))
//	unsafe.StringData(s)    UnsafeStringData(s)
func (g *gen) unsafeCalls() {
	ast.Inspect(g.c.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		b, ok := g.c.info.Uses[sel.Sel].(*types.Builtin)
		if !ok {
			return true
		}
		tv := g.c.info.Types[call]
		switch b.Name() {
		case "Sizeof", "Alignof", "Offsetof":
			if tv.Value != nil {
				text := "uintptr(" + constText(tv.Value) + ")"
				g.r.Replace(call, func() string { return text })
				return false
			}
		case "Slice", "String", "SliceData", "StringData":
			// Slice and SliceData are generic: the hook's result is
			// asserted to the call's type.
			assert := ""
			if strings.HasPrefix(b.Name(), "Slice") {
				typ, ok := g.localType(tv.Type)
				if !ok {
					return true
				}
				assert = ".(" + typ + ")"
			}
			g.r.Replace(call, func() string {
				args := g.r.Source(call.Args[0])
				if len(call.Args) == 2 {
					args += ", int64(" + g.r.Source(call.Args[1]) + ")"
				}
				return HooksName + ".Unsafe" + b.Name() + "(" + args + ")" + assert
			})
		}
		return true
	})
}
