package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// appendOperandsFirst evaluates the values an append adds before it adds
// any, as Go does:
//
//	append(s[:i], x, s[i])    becomes    func() []T { __s, __a1, __a2 := s[:i], T(x), T(s[i]); return append(__s, __a1, __a2) }()
//
// Yaegi adds the values one by one, reading each after it stored the one
// before: where the slice had room, s[i] was read after x was stored
// there, so append(s[:4], '5', s[4]) of "12346" made "123455" (Go's
// test/fixedbugs/bug428.go). Only an append of two values or more, one of
// them read from memory (not a variable, a constant or a literal), needs
// it.
func (g *gen) appendOperandsFirst() {
	g.walk(func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() || len(call.Args) < 3 || !g.isBuiltinNamed(call.Fun, "append") {
			return true
		}
		readsMemory := false
		for _, a := range call.Args[2:] {
			readsMemory = readsMemory || !g.plainOperand(a)
		}
		if !readsMemory {
			return true
		}
		st := g.c.info.TypeOf(call)
		s, ok := st.Underlying().(*types.Slice)
		if !ok {
			return true
		}
		sliceType, ok1 := g.localType(st)
		elem, ok2 := g.localType(s.Elem())
		if !ok1 || !ok2 {
			return true
		}
		g.r.Replace(call, func() string {
			tmps := []string{g.r.Temp("s")}
			vals := []string{"(" + sliceType + ")(" + g.r.Source(call.Args[0]) + ")"}
			for _, a := range call.Args[1:] {
				tmps = append(tmps, g.r.Temp("a"))
				vals = append(vals, "("+elem+")("+g.r.Source(a)+")")
			}
			return "func() " + sliceType + " { " + strings.Join(tmps, ", ") + " := " + strings.Join(vals, ", ") +
				"; return append(" + strings.Join(tmps, ", ") + ") }()"
		})
		return true
	})
}

// plainOperand reports whether e is a constant, a variable or a literal of
// such: its value cannot be where an append stores.
func (g *gen) plainOperand(e ast.Expr) bool {
	if tv, ok := g.c.info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
		return true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if !g.plainOperand(el) {
				return false
			}
		}
		return true
	case *ast.UnaryExpr:
		return x.Op.String() != "<-" && (x.Op.String() == "&" || g.plainOperand(x.X))
	}
	return false
}
