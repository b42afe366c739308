package program

import (
	"go/ast"
	"go/types"
)

// typeNilKeys writes a nil map key as a nil of the map's key type:
//
//	visited[nil] = true        visited[(*Node)(nil)] = true
//	map[error]int{nil: 0}      map[error]int{(error)(nil): 0}
//	delete(m, nil)             delete(m, (*Node)(nil))
//
// Yaegi v0.16.1 hands the map an untyped nil, an interface{}, and panicked
// ("reflect.Value.MapIndex: value of type interface {} is not assignable
// to type *struct {...}", Go's test/fixedbugs/bug285.go). A map whose keys
// are interface{} takes it as it is. So is a constant that delete is
// handed, which Yaegi passed as its default type:
//
//	delete(prices, 0.5)        delete(prices, (float32)(0.5))
//
// with prices a map[float32]int panicked ("reflect.Value.SetMapIndex:
// value of type float64 is not assignable to type float32").
func (g *gen) typeNilKeys() {
	g.walk(func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IndexExpr:
			g.typeNilKey(g.c.info.TypeOf(x.X), x.Index)
		case *ast.CompositeLit:
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					g.typeNilKey(g.c.info.TypeOf(x), kv.Key)
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 2 {
				if b, ok := g.c.info.Uses[id].(*types.Builtin); ok && b.Name() == "delete" {
					g.typeNilKey(g.c.info.TypeOf(x.Args[0]), x.Args[1])
					g.typeConstantKey(g.c.info.TypeOf(x.Args[0]), x.Args[1])
				}
			}
		}
		return true
	})
}

// typeNilKey types key, a key of a map of type t, if it is nil and t a
// map.
func (g *gen) typeNilKey(t types.Type, key ast.Expr) {
	if t == nil || !g.c.info.Types[key].IsNil() {
		return
	}
	if mt, ok := t.Underlying().(*types.Map); ok && !isEmptyInterface(mt.Key()) {
		g.convertTo(key, mt.Key())
	}
}

// typeConstantKey converts key, a constant handed to delete on a map of
// type t, to the map's key type, unless that is an interface (which takes
// the constant's default type, as Go's does).
func (g *gen) typeConstantKey(t types.Type, key ast.Expr) {
	if t == nil || g.c.info.Types[key].Value == nil {
		return
	}
	if mt, ok := t.Underlying().(*types.Map); ok && !types.IsInterface(mt.Key()) {
		g.convertTo(key, mt.Key())
	}
}
