package program

import (
	"go/ast"
	"go/types"
)

// rangeArrayPointers ranges over a slice of the array a pointer points
// to, where the loop takes the elements' values:
//
//	for i, v := range pa    becomes    for i, v := range pa[:]
//
// with pa a *[3]int. Yaegi v0.16.1 panicked ("reflect: call of
// reflect.Value.Int on array Value"). Like the pointer, the slice reads
// the elements as the loop comes to them, so an element the body changes
// ahead is seen changed, as Go's. A loop over the indexes alone, which Go
// runs for a nil pointer too, is left as it is.
func (g *gen) rangeArrayPointers() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || rs.Value == nil || isBlank(rs.Value) {
			return true
		}
		p, ok := underlyingOf(g.c.info.TypeOf(rs.X)).(*types.Pointer)
		if !ok {
			return true
		}
		if _, ok := p.Elem().Underlying().(*types.Array); ok {
			g.r.Before(rs.X, "(")
			g.r.After(rs.X, ")[:]")
		}
		return true
	})
}
