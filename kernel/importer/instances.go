package importer

import (
	"go/types"
	"reflect"
	"strings"
)

// instance returns the go/types instance of a generic type of a source
// package that reflect type t is compiled from, such as iter.Seq[string]
// (reflect names it "Seq[string]"), or nil when t is none or its generic
// type is not at hand (its package was not read from source before t was
// met). im.mu is held.
//
// Reflect gives the type arguments only as text, so they are found by
// matching t's structure against the generic type's underlying type: each
// type parameter stands where t has its argument.
func (im *Importer) instance(t reflect.Type) *types.Named {
	name := t.Name()
	i := strings.IndexByte(name, '[')
	if i < 0 {
		return nil
	}
	pkg := im.sourcePkgs[t.PkgPath()]
	if pkg == nil {
		return nil
	}
	obj, _ := pkg.Scope().Lookup(name[:i]).(*types.TypeName)
	if obj == nil {
		return nil
	}
	generic, _ := obj.Type().(*types.Named)
	if generic == nil || generic.TypeParams().Len() == 0 {
		return nil
	}
	bound := map[*types.TypeParam]types.Type{}
	im.bind(generic.Underlying(), t, bound, 0)
	args := make([]types.Type, generic.TypeParams().Len())
	for j := range args {
		if args[j] = bound[generic.TypeParams().At(j)]; args[j] == nil {
			return nil
		}
	}
	inst, err := types.Instantiate(nil, generic, args, true)
	if err != nil {
		return nil
	}
	n, _ := inst.(*types.Named)
	return n
}

// bind matches generic type g against reflect type t, recording for each
// type parameter of g the converted type it stands for in t.
func (im *Importer) bind(g types.Type, t reflect.Type, bound map[*types.TypeParam]types.Type, depth int) {
	if depth > 8 {
		return
	}
	depth++
	switch g := g.(type) {
	case *types.TypeParam:
		if bound[g] == nil {
			bound[g] = im.typ(t)
		}
	case *types.Pointer:
		if t.Kind() == reflect.Pointer {
			im.bind(g.Elem(), t.Elem(), bound, depth)
		}
	case *types.Slice:
		if t.Kind() == reflect.Slice {
			im.bind(g.Elem(), t.Elem(), bound, depth)
		}
	case *types.Array:
		if t.Kind() == reflect.Array {
			im.bind(g.Elem(), t.Elem(), bound, depth)
		}
	case *types.Chan:
		if t.Kind() == reflect.Chan {
			im.bind(g.Elem(), t.Elem(), bound, depth)
		}
	case *types.Map:
		if t.Kind() == reflect.Map {
			im.bind(g.Key(), t.Key(), bound, depth)
			im.bind(g.Elem(), t.Elem(), bound, depth)
		}
	case *types.Signature:
		if t.Kind() != reflect.Func || t.NumIn() != g.Params().Len() || t.NumOut() != g.Results().Len() {
			return
		}
		for i := 0; i < t.NumIn(); i++ {
			im.bind(g.Params().At(i).Type(), t.In(i), bound, depth)
		}
		for i := 0; i < t.NumOut(); i++ {
			im.bind(g.Results().At(i).Type(), t.Out(i), bound, depth)
		}
	case *types.Struct:
		if t.Kind() != reflect.Struct || t.NumField() != g.NumFields() {
			return
		}
		for i := 0; i < g.NumFields(); i++ {
			im.bind(g.Field(i).Type(), t.Field(i).Type, bound, depth)
		}
	case *types.Named:
		if g.TypeArgs().Len() > 0 {
			im.bind(g.Underlying(), t, bound, depth)
		}
	}
}
