package program

import (
	"go/ast"
	"go/types"
)

// writeElidedPointers writes the &T that an element or key of a composite
// literal of a compiled package's named map, slice or array type elides:
//
//	fstest.MapFS{"hello.txt": {Data: b}}    fstest.MapFS{"hello.txt": &fstest.MapFile{Data: b}}
//
// Yaegi v0.16.1's compiler crashed on the elided form ("CFG post-order
// panic: runtime error: invalid memory address or nil pointer
// dereference"): the io/fs Examples' file systems, and a lesson's, could
// not be written as Go's documentation writes them. Its own types, and
// unnamed ones ([]*url.URL{{...}}), it builds.
func (g *gen) writeElidedPointers() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			named, ok := types.Unalias(g.c.info.TypeOf(lit)).(*types.Named)
			if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg() == g.c.pkg {
				return true
			}
			var key, elem types.Type
			switch u := named.Underlying().(type) {
			case *types.Map:
				key, elem = u.Key(), u.Elem()
			case *types.Slice:
				elem = u.Elem()
			case *types.Array:
				elem = u.Elem()
			default:
				return true
			}
			for _, e := range lit.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					if key != nil {
						g.writeElidedPointer(kv.Key, key)
					}
					e = kv.Value
				}
				g.writeElidedPointer(e, elem)
			}
			return true
		})
	}
}

// writeElidedPointer writes &T before e, an element of type t, if e is a
// composite literal without its type and t a pointer.
func (g *gen) writeElidedPointer(e ast.Expr, t types.Type) {
	lit, ok := e.(*ast.CompositeLit)
	p, isPtr := t.Underlying().(*types.Pointer)
	if !ok || lit.Type != nil || !isPtr {
		return
	}
	if text, ok := g.localType(p.Elem()); ok {
		g.r.Before(lit, "&"+text)
	}
}
