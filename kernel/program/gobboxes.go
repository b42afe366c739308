package program

import (
	"go/ast"
	"go/types"
)

// gobBoxes lets encoding/gob decode into the notebook's interfaces:
//
//	gob.Register(Rect{})
//	dec.Decode(&scene)
//
// become
//
//	gob.Register(__goconc.KeptBoxes([]Shape{Rect{}}))
//	__goconc.DecodeGob(dec, &scene)
//
// when Rect implements Shape, one of the notebook's interfaces, and the
// decoded value holds an interface. To reflect, a value of the notebook's
// interfaces is the interpreter's box, which gob cannot set ("type
// mismatch in decoder: want struct type interp.valueInterface"):
// DecodeGob decodes into a copy with an any in each box's place and puts
// each value in a box made from one KeptBoxes kept (a box's node knows
// its value's type, whichever interface it is in). gob decodes into an
// interface only a value of a type registered, so each has one. The copy
// has a slot in the place of each value of the notebook's struct types
// with an UnmarshalBinary method, whose bytes go to the method, and
// EncodeGob gives gob what MarshalBinary returns (kernel/fieldnames).
func (g *gen) gobBoxes() {
	if !g.hasBoxedTypes() {
		return
	}
	var ifaces []*types.Named
	binary := false // (a type with an UnmarshalBinary method)
	for _, named := range g.packageTypes() {
		if interpretedInterface(named) {
			ifaces = append(ifaces, named)
		} else if obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(named), false, g.c.pkg, "UnmarshalBinary"); obj != nil {
			if _, method := obj.(*types.Func); method {
				binary = true // (a later type's field of that name leaves it so)
			}
		}
	}
	if len(ifaces) == 0 && !binary {
		return
	}
	g.calls(func(call *ast.CallExpr, name string) {
		switch name {
		case "encoding/gob.Register", "encoding/gob.RegisterName":
			arg := call.Args[len(call.Args)-1]
			t := g.c.info.TypeOf(arg)
			if t == nil || isInterface(t) || !g.notebookType(t) {
				return
			}
			for _, iface := range ifaces {
				if types.Implements(t, iface.Underlying().(*types.Interface)) {
					g.r.Before(arg, HooksName+".KeptBoxes([]"+types.TypeString(iface, g.qualifier)+"{")
					g.r.After(arg, "})")
					return
				}
			}
		case "(*gob.Decoder).Decode":
			if t := g.c.info.TypeOf(call.Args[0]); t != nil && (binary || holdsInterface(t, map[types.Type]bool{})) {
				g.methodCallAsHook(call, "DecodeGob")
			}
		}
	})
}
