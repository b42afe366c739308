package program

import (
	"go/ast"
	"go/types"
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
// And Yaegi's Add takes an int where Go's takes any integer type: a len of
// another type (unsafe.Add(p, unsafe.Offsetof(s.f)), a uintptr) is
// converted, which keeps the address Go computes, ptr+uintptr(len).
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
		case "Add":
			if len(call.Args) == 2 && !types.Identical(g.c.info.TypeOf(call.Args[1]), types.Typ[types.Int]) {
				g.r.Replace(call, func() string {
					return g.r.Source(call.Fun) + "(" + g.r.Source(call.Args[0]) + ", int(" + g.r.Source(call.Args[1]) + "))"
				})
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
