package generics

import "go/types"

// subst returns t with every type parameter of m replaced by its argument.
// Instantiating a generic named type again goes through types.Instantiate,
// so the result is the same *types.Named go/types would make.
func subst(t types.Type, m map[*types.TypeParam]types.Type) types.Type {
	if len(m) == 0 {
		return t
	}
	switch t := t.(type) {
	case *types.TypeParam:
		if a, ok := m[t]; ok {
			return a
		}
		return t
	case *types.Alias:
		return subst(types.Unalias(t), m)
	case *types.Named:
		args := t.TypeArgs()
		if args.Len() == 0 {
			return t
		}
		out := make([]types.Type, args.Len())
		changed := false
		for i := range out {
			out[i] = subst(args.At(i), m)
			changed = changed || out[i] != args.At(i)
		}
		if !changed {
			return t
		}
		inst, err := types.Instantiate(nil, t.Origin(), out, false)
		if err != nil {
			return t
		}
		return inst
	case *types.Pointer:
		return types.NewPointer(subst(t.Elem(), m))
	case *types.Slice:
		return types.NewSlice(subst(t.Elem(), m))
	case *types.Array:
		return types.NewArray(subst(t.Elem(), m), t.Len())
	case *types.Map:
		return types.NewMap(subst(t.Key(), m), subst(t.Elem(), m))
	case *types.Chan:
		return types.NewChan(t.Dir(), subst(t.Elem(), m))
	case *types.Tuple:
		return substTuple(t, m)
	case *types.Signature:
		return types.NewSignatureType(nil, nil, nil, substTuple(t.Params(), m), substTuple(t.Results(), m), t.Variadic())
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), subst(f.Type(), m), f.Embedded())
			tags[i] = t.Tag(i)
		}
		return types.NewStruct(fields, tags)
	case *types.Interface:
		methods := make([]*types.Func, t.NumExplicitMethods())
		for i := range methods {
			f := t.ExplicitMethod(i)
			methods[i] = types.NewFunc(f.Pos(), f.Pkg(), f.Name(), subst(f.Type(), m).(*types.Signature))
		}
		embedded := make([]types.Type, t.NumEmbeddeds())
		for i := range embedded {
			embedded[i] = subst(t.EmbeddedType(i), m)
		}
		return types.NewInterfaceType(methods, embedded).Complete()
	}
	return t
}

func substTuple(t *types.Tuple, m map[*types.TypeParam]types.Type) *types.Tuple {
	if t == nil {
		return nil
	}
	vars := make([]*types.Var, t.Len())
	for i := range vars {
		v := t.At(i)
		vars[i] = types.NewParam(v.Pos(), v.Pkg(), v.Name(), subst(v.Type(), m))
	}
	return types.NewTuple(vars...)
}
