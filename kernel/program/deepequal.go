package program

import (
	"go/ast"
	"go/types"
)

// comparableDeepEqual gives reflect.DeepEqual its operands as Go would:
//
//	reflect.DeepEqual(got, want)
//
// becomes
//
//	__goconc.DeepEqual(__goconc.Comparable(got), __goconc.Comparable(want))
//
// when an operand is or holds an interface. The interpreter's box of a
// value in an interface holds where the value is stored, so two boxes of
// equal values were never deeply equal (Go's test/append.go), and a box's
// value is of the underlying type, so a MyInt was deeply equal to an int.
// Comparable replaces each box with the name of its type and its value. An
// operand of a notebook type that is boxed in an interface gets its name
// too (ComparableNamed): the interpreter passes it without its box; so it
// does a struct's, which DeepEqual names by its type, and the value of an
// operand of one of the notebook's interfaces, which goes in a slice
// (ComparableBoxed).
func (g *gen) comparableDeepEqual() {
	if !g.hasBoxedTypes() {
		return
	}
	g.deepEqualValues()
	g.calls(func(call *ast.CallExpr, name string) {
		if len(call.Args) != 2 || name != "reflect.DeepEqual" {
			return
		}
		x, y := g.c.info.TypeOf(call.Args[0]), g.c.info.TypeOf(call.Args[1])
		if x == nil || y == nil {
			return
		}
		if x, y := types.Default(x), types.Default(y); !isInterface(x) && !isInterface(y) && !types.Identical(x, y) &&
			!g.c.info.Types[call.Args[0]].IsNil() && !g.c.info.Types[call.Args[1]].IsNil() {
			// Operands of two types are never deeply equal; to reflect,
			// a []MyInt may be an []int (a named type that is not a
			// struct is its underlying type), which DeepEqual found equal.
			g.r.Replace(call, func() string {
				return "func(_, _ any) bool { return false }(" + g.r.Source(call.Args[0]) + ", " + g.r.Source(call.Args[1]) + ")"
			})
			return
		}
		if !holdsInterface(x, map[types.Type]bool{}) && !holdsInterface(y, map[types.Type]bool{}) {
			return
		}
		g.r.Replace(call.Fun, func() string { return HooksName + ".DeepEqual" })
		for _, arg := range call.Args {
			if t := g.c.info.TypeOf(arg); interpretedInterface(t) && !g.c.info.Types[arg].IsNil() {
				// (in a slice, the value keeps its box, which names its type)
				g.r.Before(arg, HooksName+".ComparableBoxed([]"+types.TypeString(t, g.qualifier)+"{")
				g.r.After(arg, "})")
				g.boxKept(arg)
				continue
			}
			if name, ok := g.boxedName(arg); ok {
				g.r.Before(arg, HooksName+".ComparableNamed(")
				g.r.After(arg, ", "+name+")")
				continue
			}
			g.r.Before(arg, HooksName+".Comparable(")
			g.r.After(arg, ")")
		}
	})
}

// deepEqualValues makes reflect.DeepEqual taken as a value (f :=
// reflect.DeepEqual, a table of comparers) the DeepEqualValues hook, which
// gives reflect.DeepEqual its operands through Comparable.
func (g *gen) deepEqualValues() {
	called := map[ast.Expr]bool{}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			called[ast.Unparen(x.Fun)] = true
		case *ast.SelectorExpr:
			if !called[x] && g.calleeName(x) == "reflect.DeepEqual" {
				g.r.Replace(x, func() string { return HooksName + ".DeepEqualValues" })
			}
		}
		return true
	})
}
