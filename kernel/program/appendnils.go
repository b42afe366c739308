package program

import (
	"go/ast"
	"go/types"
)

// typeAppendedNils writes a nil appended to a slice as a nil of the
// slice's element type:
//
//	ps = append(ps, &P{"q"}, nil)    becomes    ps = append(ps, &P{"q"}, (*P)(nil))
//
// Yaegi gives the nil of an append the element type of another append in
// the function: append(ps, nil) of a []*P beside append(es, nil) of an
// []error panicked with "reflect.Set: value of type interface {} is not
// assignable to type *struct {...}".
func (g *gen) typeAppendedNils() {
	g.walk(func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() || len(call.Args) < 2 {
			return true
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return true
		}
		if b, ok := g.c.info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
			return true
		}
		s, ok := g.c.info.TypeOf(call).Underlying().(*types.Slice)
		if !ok {
			return true
		}
		for _, arg := range call.Args[1:] {
			if g.c.info.Types[arg].IsNil() {
				g.convertTo(arg, s.Elem())
			}
		}
		return true
	})
}
