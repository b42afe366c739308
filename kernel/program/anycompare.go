package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// compareAnySpellings converts the right operand of a comparison to the
// left's type where the two are one type that the cell spells once with
// any and once with interface{}:
//
//	&x == &y    (x any, y interface{})    &x == (*any)(&y)
//
// any is an alias of interface{} and the types are identical; Yaegi takes
// any for a type of its own name and rejects the comparison ("mismatched
// types *any and *interface{}", Go's test/fixedbugs/issue49665.go; struct{
// a any } and struct{ a interface{} } too). Assignments and calls between
// the two spellings run as they should; comparisons of interfaces are not
// checked so. The comparison is a function literal's result
// (compareConverted).
func (g *gen) compareAnySpellings() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		be, ok := n.(*ast.BinaryExpr)
		if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
			return true
		}
		x, y := g.c.info.TypeOf(be.X), g.c.info.TypeOf(be.Y)
		if x == nil || y == nil || types.IsInterface(x) || types.IsInterface(y) || !types.Identical(x, y) {
			return true
		}
		if !spelledWithAny(x) && !spelledWithAny(y) || types.TypeString(x, nil) == types.TypeString(y, nil) {
			return true
		}
		typ, ok := g.localType(x)
		if !ok {
			return true
		}
		g.compareConverted(be, be.Y, typ)
		return true
	})
}

// spelledWithAny reports whether t is written with the predeclared any,
// not behind a named type (which names it the same way wherever it is).
func spelledWithAny(t types.Type) bool {
	found := false
	eachType(t, func(t types.Type) bool {
		if a, ok := t.(*types.Alias); ok && a.Obj() == types.Universe.Lookup("any") {
			found = true
		}
		_, named := t.(*types.Named)
		return !found && !named
	})
	return found
}
