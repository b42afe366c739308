package generics

import (
	"go/ast"
	"go/types"
)

// In generic code, unsafe.Sizeof, Alignof and Offsetof of a value whose
// type has a type parameter in it are not constants: Go's spec makes them
// variables there, so
//
//	func shift[T any]() int64 { return 1 << unsafe.Sizeof(*new(T)) }
//
// shifts when it runs, and shift[[64]byte]() returns 0. Written out with
// T's argument, the instance's Sizeof would be the constant 64, and the
// instance's shift would overflow when it is checked; a division by it,
// or an index with it, would fail to compile where Go panics when it
// runs (Go's test/fixedbugs/issue60601.go, issue65417.go). The instance
// calls a function literal returning it instead, which is no constant,
// and which, as Sizeof, does not evaluate the operand.

// variableSizes returns the edits of the instance's source src[start:end]
// that make its variable sizes calls of a function literal, inner being
// the other edits of that source, which it applies inside them.
func (l *lowerer) variableSizes(u *unit, start, end int, m map[*types.TypeParam]types.Type, inner []Edit) []Edit {
	if len(m) == 0 {
		return nil
	}
	var out []Edit
	inspectRange(u, start, end, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !unsafeSize(u.info, call) {
			return true
		}
		if tv, ok := u.info.Types[call]; !ok || tv.Value != nil {
			return true // a constant in the generic code too
		}
		s, e := u.off(call.Pos()), u.off(call.End())
		out = append(out, Edit{s, e, "func() uintptr { return " + apply(u.src, s, e, inner) + " }()"})
		return false
	})
	return out
}

// inspectRange calls f, as ast.Inspect does, for the nodes of u that are
// in u.src[start:end], or around it.
func inspectRange(u *unit, start, end int, f func(ast.Node) bool) {
	ast.Inspect(u.file, func(n ast.Node) bool {
		if n == nil || u.off(n.End()) <= start || u.off(n.Pos()) >= end {
			return n == nil // outside the instance's source
		}
		return f(n)
	})
}

// unsafeSize reports whether call is one of unsafe.Sizeof, Alignof and
// Offsetof.
func unsafeSize(info *types.Info, call *ast.CallExpr) bool {
	b, ok := info.Uses[funcName(call)].(*types.Builtin)
	if !ok {
		return false
	}
	switch b.Name() {
	case "Sizeof", "Alignof", "Offsetof":
		return true
	}
	return false
}
