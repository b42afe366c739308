package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// uintptrSteps writes x++ and x-- of a uintptr as x += 1 and x -= 1:
//
//	for p := base; p < end; p++ {
//
// becomes
//
//	for p := base; p < end; p += 1 {
//
// Yaegi's ++ and -- know every kind of number but uintptr: the statement
// did nothing, and the function it was in returned there, silently, with
// nothing after it run. x += 1 evaluates x once, as x++ does.
func (g *gen) uintptrSteps() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		s, ok := n.(*ast.IncDecStmt)
		if !ok {
			return true
		}
		if b, ok := g.c.info.TypeOf(s.X).Underlying().(*types.Basic); !ok || b.Kind() != types.Uintptr {
			return true
		}
		op := " += 1"
		if s.Tok == token.DEC {
			op = " -= 1"
		}
		g.r.ReplaceRange(s.TokPos, s.End(), op)
		return true
	})
}
