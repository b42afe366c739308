package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// selectEmbeddedInterfaces writes out the path to a method promoted from
// an interface embedded in a struct:
//
//	type Service struct{ Logger; name string }
//	svc.Log("hello")    becomes    svc.Logger.Log("hello")
//
// Yaegi panicked calling it ("invalid interface value {{0xc000...} svc}"):
// it took the struct for the interface. Through the field the call is an
// ordinary call of an interface's method. Method values (f := svc.Log)
// are written the same way, and so are methods promoted from a compiled
// type (c.Lock() of a struct embedding sync.Mutex becomes c.Mutex.Lock()),
// which then call it directly rather than through its forwarder
// (forwarders.go).
func (g *gen) selectEmbeddedInterfaces() {
	g.writePromotionPaths(func(_ *ast.SelectorExpr, s *types.Selection) ([]string, bool) {
		if s.Kind() != types.MethodVal {
			return nil, false
		}
		return g.embeddedInterfacePath(s.Recv(), s.Index())
	})
}

// writePromotionPaths writes out, in each selector of a promoted field or
// method (s.Index() longer than one) for which path returns one, the
// embedded fields on the way: svc.Log becomes svc.Logger.Log.
func (g *gen) writePromotionPaths(path func(sel *ast.SelectorExpr, s *types.Selection) ([]string, bool)) {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		s := g.c.info.Selections[sel]
		if s == nil || s.Kind() == types.MethodExpr || len(s.Index()) < 2 {
			return true
		}
		if p, ok := path(sel, s); ok {
			g.r.At(sel, sel.Sel.Pos(), strings.Join(p, ".")+".")
		}
		return true
	})
}

// embeddedInterfacePath returns the names of the embedded fields that lead
// from recv to the interface or forwarded compiled type a method at index
// comes from, if it comes from one through the notebook's structs only: a compiled
// struct's fields are the compiled code's to follow.
func (g *gen) embeddedInterfacePath(recv types.Type, index []int) ([]string, bool) {
	path, t, ok := g.notebookFields(recv, index)
	if !ok {
		return nil, false
	}
	return path, types.IsInterface(t) || g.forwardable(t)
}
