package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// Encoders call the notebook's MarshalJSON and MarshalText methods inside
// the values they encode:
//
//	func (p Point) MarshalJSON() ([]byte, error) { ... }
//	json.Marshal([]Point{{1, 2}})
//
// Compiled json sees a notebook's struct type without its methods (the
// interpreter's reflect type has none), so it wrote the fields of each
// Point; only a value at the top, which the interpreter hands over in a
// wrapper with the method, was right. A declaration of such a method
// registers it with the evaluator,
//
//	__goconc.RegisterMarshaler((*Point)(nil), "json", false, func(v any) ([]byte, error) { x := v.(Point); return x.MarshalJSON() })
//
// and the json encoders' argument goes through the PlainJSON hook, which
// encodes each value of a registered type by its method, where json would
// (a method with a pointer receiver, where the value is addressable). A
// struct type is known by its reflect type (tagStructs makes it its
// own); a named type of another kind is its underlying type to reflect,
// and is not registered.

// marshalerMethods are the methods encoders call, by the encoder's name
// for them.
var marshalerMethods = map[string]string{"MarshalJSON": "json", "MarshalText": "text"}

// registerMarshaler writes the registration of the method fd, if it is a
// MarshalJSON or MarshalText method of a notebook struct type.
func (g *gen) registerMarshaler(fd *ast.FuncDecl) string {
	kind, ok := marshalerMethods[fd.Name.Name]
	if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return ""
	}
	fn, ok := g.c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return ""
	}
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 2 ||
		!types.Identical(sig.Results().At(0).Type(), types.NewSlice(types.Typ[types.Byte])) ||
		!types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type()) {
		return ""
	}
	recv := sig.Recv().Type()
	_, ptr := recv.(*types.Pointer)
	named, ok := deref(recv).(*types.Named)
	if !ok || !g.taggedStruct(named) {
		return ""
	}
	name := named.Obj().Name()
	return HooksName + ".RegisterMarshaler((*" + name + ")(nil), " + strconv.Quote(kind) + ", " + strconv.FormatBool(ptr) +
		", func(__goconc_v any) ([]byte, error) { __goconc_x := __goconc_v.(" + name + "); return __goconc_x." + fd.Name.Name + "() })\n"
}

// marshalsInside reports whether a value of type t may hold a value of a
// notebook struct type with a MarshalJSON or MarshalText method.
func (g *gen) marshalsInside(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if n, ok := types.Unalias(t).(*types.Named); ok && g.taggedStruct(n) {
		for _, ms := range []*types.MethodSet{types.NewMethodSet(n), types.NewMethodSet(types.NewPointer(n))} {
			for m := range marshalerMethods {
				if ms.Lookup(nil, m) != nil {
					return true
				}
			}
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return g.marshalsInside(u.Elem(), seen)
	case *types.Slice:
		return g.marshalsInside(u.Elem(), seen)
	case *types.Array:
		return g.marshalsInside(u.Elem(), seen)
	case *types.Map:
		return g.marshalsInside(u.Elem(), seen)
	case *types.Struct:
		for f := range u.Fields() {
			if g.marshalsInside(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}
