package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// typeShiftedConstants gives the untyped constant of a non-constant shift
// the type Go gives it:
//
//	var v uint64; v | 1<<n    v | uint64(1)<<n
//
// Go converts the constant to the type it would have if the shift were
// replaced by the constant alone (here uint64, from v); Yaegi makes it an
// int ("reflect: call of reflect.Value.SetUint on int Value", Go's
// test/divmod.go). go/types records the type it chose. A constant count
// written as a float or complex (x << 1.) becomes its integer value
// (test/shift3.go).
func (g *gen) typeShiftedConstants() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || (be.Op != token.SHL && be.Op != token.SHR) {
			return true
		}
		if tv := g.c.info.Types[be]; tv.Value != nil {
			return true // a constant shift
		}
		// A constant count written as a float or complex (x << 1.):
		// its integer value, which Yaegi takes.
		if y := g.c.info.Types[be.Y]; y.Value != nil && y.Value.Kind() != constant.Int {
			if v := constant.ToInt(y.Value); v.Kind() == constant.Int {
				text := "uint(" + v.ExactString() + ")"
				g.r.Replace(be.Y, func() string { return text })
			}
		}
		// A count that is a shift of an untyped integer constant, or
		// arithmetic on such shifts (x << (1<<n), v >> ((1>>v) + (1>>v))):
		// the constant is a uint, where Yaegi makes it an int and then
		// reads the count as a uint ("reflect: call of
		// reflect.Value.Uint on int Value", test/shift3.go,
		// test/fixedbugs/issue12133.go).
		g.uintShiftedConstants(be.Y)
		x := g.c.info.Types[be.X]
		if x.Value == nil {
			return true
		}
		b, ok := x.Type.(*types.Basic)
		if !ok || b.Info()&types.IsUntyped != 0 {
			return true // left untyped: Go's default, as Yaegi does
		}
		typ, ok := g.localType(x.Type)
		if !ok {
			return true
		}
		g.r.Before(be.X, typ+"(")
		g.r.After(be.X, ")")
		return true
	})
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

// uintShiftedConstants makes uint the untyped integer constants shifted
// in count, a shift count, and in the arithmetic that makes it.
func (g *gen) uintShiftedConstants(count ast.Expr) {
	switch x := ast.Unparen(count).(type) {
	case *ast.UnaryExpr:
		g.uintShiftedConstants(x.X)
	case *ast.BinaryExpr:
		if g.c.info.Types[x].Value != nil {
			return // constant: Yaegi computes it as Go does
		}
		if x.Op == token.SHL || x.Op == token.SHR {
			if c := g.c.info.Types[x.X]; c.Value != nil && c.Value.Kind() == constant.Int && isUntyped(c.Type) {
				g.r.Before(x.X, "uint(")
				g.r.After(x.X, ")")
			} else {
				g.uintShiftedConstants(x.X)
			}
			return
		}
		g.uintShiftedConstants(x.X)
		g.uintShiftedConstants(x.Y)
	}
}
