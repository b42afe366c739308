// Package reflectname spells go/types' types as Go's reflect and runtime
// spell them, which is how %T, %#v and runtime errors name a type:
//
//	struct { P main.point; n int }     go/types: struct{P main.point; n int}
//	interface { Area() float64 }       go/types: interface{Area() float64}
//	[]uint8                            go/types: []byte
//	main.Pair[string,main.Box[int]]    go/types: main.Pair[string, main.Box[int]]
//
// The type arguments of an instance are spelled as the linker names them:
// named types by their package's path (main.Box[net/http.Header]), the
// unexported fields of a struct too (main.Box[struct { X int; main.y int }]).
package reflectname

import (
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Of spells t as reflect's Type.String does; q names the packages of
// named types (main.point, io.Writer).
func Of(t types.Type, q types.Qualifier) string {
	return speller{q: q}.spell(t)
}

// InTypeArgs spells t as the runtime spells a type argument in an
// instance's name: packages by their paths, unexported fields and methods
// qualified by theirs.
func InTypeArgs(t types.Type) string {
	return speller{q: (*types.Package).Path, qualified: true}.spell(t)
}

// Instance spells the instance of origin with args as reflect names it,
// without origin's package: List[main.Pair[string,int]].
func Instance(origin string, args []types.Type) string {
	spelled := make([]string, len(args))
	for i, a := range args {
		spelled[i] = InTypeArgs(a)
	}
	return origin + "[" + strings.Join(spelled, ",") + "]"
}

type speller struct {
	q         types.Qualifier
	qualified bool // unexported names of fields and methods by their package's path
}

func (s speller) spell(t types.Type) string {
	switch t := t.(type) {
	case *types.Alias:
		return s.spell(types.Unalias(t))
	case *types.Basic:
		if t.Kind() == types.UnsafePointer || t.Info()&types.IsUntyped != 0 {
			return t.String()
		}
		return types.Typ[t.Kind()].Name() // (byte is uint8, rune int32)
	case *types.Pointer:
		return "*" + s.spell(t.Elem())
	case *types.Slice:
		return "[]" + s.spell(t.Elem())
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + s.spell(t.Elem())
	case *types.Map:
		return "map[" + s.spell(t.Key()) + "]" + s.spell(t.Elem())
	case *types.Chan:
		elem := s.spell(t.Elem())
		switch t.Dir() {
		case types.SendOnly:
			return "chan<- " + elem
		case types.RecvOnly:
			return "<-chan " + elem
		}
		if c, ok := t.Elem().Underlying().(*types.Chan); ok && c.Dir() == types.RecvOnly && types.Unalias(t.Elem()) == t.Elem().Underlying() {
			return "chan (" + elem + ")"
		}
		return "chan " + elem
	case *types.Signature:
		return "func" + s.signature(t)
	case *types.Struct:
		if t.NumFields() == 0 {
			return "struct {}"
		}
		fields := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			text := s.spell(f.Type())
			if !f.Embedded() {
				text = s.name(f.Name(), f.Pkg()) + " " + text
			}
			if tag := t.Tag(i); tag != "" {
				text += " " + strconv.Quote(tag)
			}
			fields[i] = text
		}
		return "struct { " + strings.Join(fields, "; ") + " }"
	case *types.Interface:
		if t.NumMethods() == 0 {
			return "interface {}"
		}
		methods := make([]string, t.NumMethods())
		for i := range methods {
			m := t.Method(i)
			methods[i] = s.name(m.Name(), m.Pkg()) + s.signature(m.Signature())
		}
		sort.Strings(methods) // (reflect sorts them by name)
		return "interface { " + strings.Join(methods, "; ") + " }"
	case *types.Named:
		if t.TypeArgs().Len() > 0 {
			name := t.Obj().Name()
			if pkg := t.Obj().Pkg(); pkg != nil {
				if prefix := s.q(pkg); prefix != "" {
					name = prefix + "." + name
				}
			}
			return Instance(name, slicesOf(t.TypeArgs()))
		}
	}
	return types.TypeString(t, s.q) // a named type, a type parameter
}

// name is a field's or a method's name, qualified if it is unexported and
// s qualifies such names.
func (s speller) name(name string, pkg *types.Package) string {
	if s.qualified && pkg != nil && !token.IsExported(name) {
		return pkg.Path() + "." + name
	}
	return name
}

// signature writes a function's parameters and results as reflect does:
// (main.point, ...int) (int, error).
func (s speller) signature(sig *types.Signature) string {
	params := make([]string, sig.Params().Len())
	for i := range params {
		pt := sig.Params().At(i).Type()
		if sig.Variadic() && i == len(params)-1 {
			params[i] = "..." + s.spell(pt.(*types.Slice).Elem())
			continue
		}
		params[i] = s.spell(pt)
	}
	text := "(" + strings.Join(params, ", ") + ")"
	results := make([]string, sig.Results().Len())
	for i := range results {
		results[i] = s.spell(sig.Results().At(i).Type())
	}
	switch len(results) {
	case 0:
	case 1:
		text += " " + results[0]
	default:
		text += " (" + strings.Join(results, ", ") + ")"
	}
	return text
}

func slicesOf(l *types.TypeList) []types.Type {
	out := make([]types.Type, l.Len())
	for i := range out {
		out[i] = l.At(i)
	}
	return out
}
