package program

import (
	"go/ast"
	"strings"
)

// unsafeCalls gives cells the functions of package unsafe that Yaegi's
// unsafe lacks: Slice, SliceData, String and StringData (Go 1.17 and
// 1.20) become compiled hooks, with the checks and panics of Go's runtime,
// the generic ones asserted to their type:
//
//	unsafe.Slice(p, n)      UnsafeSlice(p, int64(n)).([]T)
//	unsafe.SliceData(s)     UnsafeSliceData(s).(*T)
//	unsafe.String(p, n)     UnsafeString(p, int64(n))
//	unsafe.StringData(s)    UnsafeStringData(s)
//
// Sizeof, Alignof and Offsetof are constants, which foldConstants writes.
func (g *gen) unsafeCalls() {
	g.walk(func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		b := g.builtinOf(call)
		if b == nil {
			return true
		}
		tv := g.c.info.Types[call]
		switch b.Name() {
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
