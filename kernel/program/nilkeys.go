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
// are interface{} takes it as it is.
func (g *gen) typeNilKeys() {
	g.walk(func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IndexExpr:
			g.typeNilKey(x.X, x.Index)
		case *ast.CompositeLit:
			for _, e := range x.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					g.typeNilKeyOf(g.c.info.TypeOf(x), kv.Key)
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 2 {
				if b, ok := g.c.info.Uses[id].(*types.Builtin); ok && b.Name() == "delete" {
					g.typeNilKey(x.Args[0], x.Args[1])
				}
			}
		}
		return true
	})
}

// typeNilKey types key, an index of m, if it is nil and m a map.
func (g *gen) typeNilKey(m, key ast.Expr) {
	g.typeNilKeyOf(g.c.info.TypeOf(m), key)
}

func (g *gen) typeNilKeyOf(t types.Type, key ast.Expr) {
	if t == nil || !g.c.info.Types[key].IsNil() {
		return
	}
	mt, ok := t.Underlying().(*types.Map)
	if !ok || isEmptyInterface(mt.Key()) {
		return
	}
	if text, ok := g.localType(mt.Key()); ok {
		g.r.Before(key, "("+text+")(")
		g.r.After(key, ")")
	}
}
