package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// keepShapes tells the evaluator the static type of a slice or map of
// the notebook's named types that are not structs when it goes into an
// empty interface:
//
//	show(temps)    becomes    show(__goconc.KeepShape(temps, "[@main.Celsius;-"))
//
// with temps a []Celsius and show a func(v any). To reflect, a []Celsius
// is a []float64, and the interpreter boxes no unnamed type in an
// interface: fmt, printing v, called no String method of its elements
// ([21.5 30] for Go's [21.5°C 30.0°C]) and %T said []float64. The
// printers find the shape by the value's elements (kernel/fieldnames'
// keptshapes.go). Arguments of compiled functions are left alone: fmt's
// printers get the shape of their operands' static types themselves
// (fieldnames.go). An array, copied into the interface, has no elements
// to find it by.
func (g *gen) keepShapes() {
	g.assignments(func(e ast.Expr, to types.Type, compiled bool) {
		if compiled || to == nil || !isEmptyInterface(to) {
			return
		}
		tv, ok := g.c.info.Types[e]
		if !ok || tv.IsNil() || tv.Type == nil {
			return
		}
		switch types.Unalias(tv.Type).(type) {
		case *types.Slice, *types.Map:
		default:
			return // (a named type is boxed by its name)
		}
		if !g.holdsUnnamedToReflect(tv.Type, 0) {
			return
		}
		shape := g.codecShape(tv.Type)
		if shape == "-" {
			return
		}
		g.r.Before(e, HooksName+".KeepShape(")
		g.r.After(e, ", "+strconv.Quote(shape)+")")
	})
}

// holdsUnnamedToReflect reports whether values of t hold values of the
// notebook's named types that reflect sees as their underlying types
// (unnamedToReflect), through slices, arrays, maps and pointers.
func (g *gen) holdsUnnamedToReflect(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return t.Obj().Pkg() == g.c.pkg && g.unnamedToReflect(t)
	case *types.Slice:
		return g.holdsUnnamedToReflect(t.Elem(), depth+1)
	case *types.Array:
		return g.holdsUnnamedToReflect(t.Elem(), depth+1)
	case *types.Pointer:
		return g.holdsUnnamedToReflect(t.Elem(), depth+1)
	case *types.Map:
		return g.holdsUnnamedToReflect(t.Key(), depth+1) || g.holdsUnnamedToReflect(t.Elem(), depth+1)
	}
	return false
}
