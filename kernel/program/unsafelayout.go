package program

import (
	"go/ast"
	"go/types"
)

// refuseInterpretedLayouts fails the cell where it reads, through package
// unsafe, memory that holds one of the notebook's interfaces with methods
// as if Go had laid it out:
//
//	word := uintptr(unsafe.Pointer(&n)) + 8           // n a Notifier
//	p := (*int)(unsafe.Add(unsafe.Pointer(&h), off))  // h holds a Shape
//	w := (*[2]uintptr)(unsafe.Pointer(&h.s))
//
// Go lays an interface out as two words, its type and its data; the
// interpreter keeps a value of an interface it compiled (interp's
// valueInterface: a node and a reflect.Value) in 32 bytes of its own.
// unsafe.Sizeof and Offsetof are Go's, folded by foldConstants, so the
// reads above found other values than Go's, or crashed. What stays right
// is left alone: the pointer turned back into its own type, compared,
// or handed to sync/atomic (unsafe.Pointer(&cfg) stored and loaded).
func (g *gen) refuseInterpretedLayouts() {
	g.walk(func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		var inner ast.Expr // unsafe.Pointer(inner), read as other memory
		if tv, ok := g.c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			from := g.unsafePointerOf(call.Args[0])
			if from == nil {
				return true
			}
			to := types.Unalias(tv.Type)
			if p, ok := to.Underlying().(*types.Pointer); ok && types.Identical(p.Elem(), from.Elem()) {
				return true // back to its own type
			}
			if b, ok := to.Underlying().(*types.Basic); ok && b.Kind() == types.UnsafePointer {
				return true
			}
			inner = call.Args[0]
		} else if b := g.builtinOf(call); b != nil && b.Name() == "Add" {
			if g.unsafePointerOf(call.Args[0]) == nil {
				return true
			}
			inner = call.Args[0]
		} else {
			return true
		}
		pointee := g.unsafePointerOf(inner).Elem()
		if iface := g.interpretedInterfaceIn(pointee, map[types.Type]bool{}); iface != nil {
			what := "a value of type " + g.goName(pointee)
			if iface != pointee {
				what += ", which holds one of type " + g.goName(iface)
			}
			inner = ast.Unparen(inner)
			g.cannotRun(inner.Pos(), types.ExprString(inner)+" reads the memory of "+what+
				": goconc's interpreter keeps a value of an interface with methods that a cell declares"+
				" in 32 bytes of its own, not in Go's two words, so through package unsafe it and what"+
				" lies after it hold other values than Go's; read the fields themselves")
		}
		return true
	})
}

// unsafePointerOf returns the pointer type of x in unsafe.Pointer(x), if e
// is such a conversion.
func (g *gen) unsafePointerOf(e ast.Expr) *types.Pointer {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	tv, ok := g.c.info.Types[call.Fun]
	if !ok || !tv.IsType() {
		return nil
	}
	if b, ok := types.Unalias(tv.Type).(*types.Basic); !ok || b.Kind() != types.UnsafePointer {
		return nil
	}
	p, _ := types.Unalias(g.c.info.TypeOf(call.Args[0])).Underlying().(*types.Pointer)
	return p
}

// interpretedInterfaceIn returns an interface type with methods that the
// interpreter compiles (one the notebook declares, or a literal) which t's
// memory holds: t itself, a field of a struct, an array's element.
func (g *gen) interpretedInterfaceIn(t types.Type, seen map[types.Type]bool) types.Type {
	if seen[t] {
		return nil
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Interface:
		if u.NumMethods() == 0 {
			return nil
		}
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != g.c.pkg {
			return nil // compiled: Go's layout
		}
		return t
	case *types.Struct:
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != g.c.pkg {
			return nil
		}
		for i := range u.NumFields() {
			if found := g.interpretedInterfaceIn(u.Field(i).Type(), seen); found != nil {
				return found
			}
		}
	case *types.Array:
		return g.interpretedInterfaceIn(u.Elem(), seen)
	}
	return nil
}
