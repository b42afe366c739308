package program

import (
	"go/ast"
	"go/types"
)

// selectShallowest writes out the path to a field or method promoted
// through embedded structs when the same name is promoted from more than
// one depth:
//
//	type Service struct{ Base; Logger }    (Base embeds a Logger too)
//	s.Log("x")    becomes    s.Logger.Log("x")
//	s.prefix      becomes    s.Logger.prefix
//
// Go takes the shallowest (the spec's selector rule); Yaegi v0.16.1 took
// the first it met walking the fields in order, depth first, so s.Log
// called Base's Logger (Go's test/fixedbugs/bug485.go). go/types knows the
// path Go takes; written out, every step is a plain field.
func (g *gen) selectShallowest() {
	g.writePromotionPaths(func(sel *ast.SelectorExpr, s *types.Selection) ([]string, bool) {
		if s.Kind() == types.MethodVal {
			if _, written := g.embeddedInterfacePath(s.Recv(), s.Index()); written {
				return nil, false // selectEmbeddedInterfaces writes it
			}
		}
		if promotions(s.Recv(), sel.Sel.Name, 0, map[types.Type]bool{}) < 2 {
			return nil, false
		}
		return g.notebookFieldPath(s.Recv(), s.Index())
	})
}

// shadowsDeeper reports whether the embedded field at index field of the
// struct type t promotes a method that an embedded field promotes from
// further down too: Go's method set has the shallower, which the
// interpreter takes only from a method of t's own, a forwarder
// (forwarders.go). Without one, s converted to an interface with that
// method, or a method expression T.m, called the deeper.
func shadowsDeeper(t types.Type, field int) bool {
	for sel := range types.NewMethodSet(types.NewPointer(t)).Methods() {
		if idx := sel.Index(); len(idx) == 2 && idx[0] == field && promotions(t, sel.Obj().Name(), 0, map[types.Type]bool{}) > 1 {
			return true
		}
	}
	return false
}

// promotions counts the embedded types below t, at any depth, that declare
// a field or method called name.
func promotions(t types.Type, name string, depth int, seen map[types.Type]bool) int {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if seen[t] || depth > 8 {
		return 0
	}
	seen[t] = true
	defer delete(seen, t)
	count := 0
	if depth > 0 && declares(t, name) {
		count++
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Embedded() {
				count += promotions(f.Type(), name, depth+1, seen)
			}
		}
	}
	return count
}

// declares reports whether t itself has a field or a method called name.
func declares(t types.Type, name string) bool {
	if n, ok := t.(*types.Named); ok {
		for i := 0; i < n.NumMethods(); i++ {
			if n.Method(i).Name() == name {
				return true
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if u.Field(i).Name() == name {
				return true
			}
		}
	case *types.Interface:
		for i := 0; i < u.NumMethods(); i++ {
			if u.Method(i).Name() == name {
				return true
			}
		}
	}
	return false
}

// notebookFieldPath returns the names of the embedded fields that lead
// from recv to the field or method at index, if each is a field of one of
// the notebook's structs.
func (g *gen) notebookFieldPath(recv types.Type, index []int) ([]string, bool) {
	path, _, ok := g.notebookFields(recv, index)
	return path, ok
}

// notebookFields is notebookFieldPath, with the type of the last embedded
// field on the path (recv itself if there is none).
func (g *gen) notebookFields(recv types.Type, index []int) (path []string, last types.Type, ok bool) {
	last = recv
	for _, i := range index[:len(index)-1] {
		if p, isPtr := last.Underlying().(*types.Pointer); isPtr {
			last = p.Elem()
		}
		st, ok := last.Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return nil, nil, false
		}
		f := st.Field(i)
		if f.Pkg() != g.c.pkg {
			return nil, nil, false
		}
		path = append(path, f.Name())
		last = f.Type()
	}
	return path, last, true
}
