package program

import (
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// reflectSpelling writes t as reflect's Type.String writes it, which is
// how Go's %T and runtime errors spell a type: struct { P main.point; n
// int }, interface { Area() float64 }, []uint8, where go/types writes
// struct{P main.point; n int}, interface{Area() float64}, []byte. q names
// the packages of named types.
func reflectSpelling(t types.Type, q types.Qualifier) string {
	switch t := t.(type) {
	case *types.Alias:
		return reflectSpelling(types.Unalias(t), q)
	case *types.Basic:
		if t.Kind() == types.UnsafePointer || t.Info()&types.IsUntyped != 0 {
			return t.String()
		}
		return types.Typ[t.Kind()].Name() // (byte is uint8, rune int32)
	case *types.Pointer:
		return "*" + reflectSpelling(t.Elem(), q)
	case *types.Slice:
		return "[]" + reflectSpelling(t.Elem(), q)
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + reflectSpelling(t.Elem(), q)
	case *types.Map:
		return "map[" + reflectSpelling(t.Key(), q) + "]" + reflectSpelling(t.Elem(), q)
	case *types.Chan:
		elem := reflectSpelling(t.Elem(), q)
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
		return "func" + signatureSpelling(t, q)
	case *types.Struct:
		if t.NumFields() == 0 {
			return "struct {}"
		}
		fields := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			s := reflectSpelling(f.Type(), q)
			if !f.Embedded() {
				s = f.Name() + " " + s
			}
			if tag := t.Tag(i); tag != "" {
				s += " " + strconv.Quote(tag)
			}
			fields[i] = s
		}
		return "struct { " + strings.Join(fields, "; ") + " }"
	case *types.Interface:
		if t.NumMethods() == 0 {
			return "interface {}"
		}
		methods := make([]string, t.NumMethods())
		for i := range methods {
			m := t.Method(i)
			methods[i] = m.Name() + signatureSpelling(m.Signature(), q)
		}
		sort.Strings(methods) // (reflect sorts them by name)
		return "interface { " + strings.Join(methods, "; ") + " }"
	}
	return types.TypeString(t, q) // a named type, a type parameter
}

// signatureSpelling writes a function's parameters and results as
// reflect does: (main.point, ...int) (int, error).
func signatureSpelling(sig *types.Signature, q types.Qualifier) string {
	params := make([]string, sig.Params().Len())
	for i := range params {
		pt := sig.Params().At(i).Type()
		if sig.Variadic() && i == len(params)-1 {
			params[i] = "..." + reflectSpelling(pt.(*types.Slice).Elem(), q)
			continue
		}
		params[i] = reflectSpelling(pt, q)
	}
	s := "(" + strings.Join(params, ", ") + ")"
	results := make([]string, sig.Results().Len())
	for i := range results {
		results[i] = reflectSpelling(sig.Results().At(i).Type(), q)
	}
	switch len(results) {
	case 0:
	case 1:
		s += " " + results[0]
	default:
		s += " (" + strings.Join(results, ", ") + ")"
	}
	return s
}

// renamedByInterpreter reports whether reflect spells a value's type t,
// which names none of the notebook's types, otherwise than Go's does in
// the interpreter: an interface with methods is its interp.valueInterface,
// and a struct's unexported field is exported (Xa).
func renamedByInterpreter(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		return renamedByInterpreter(t.Elem())
	case *types.Slice:
		return renamedByInterpreter(t.Elem())
	case *types.Array:
		return renamedByInterpreter(t.Elem())
	case *types.Chan:
		return renamedByInterpreter(t.Elem())
	case *types.Map:
		return renamedByInterpreter(t.Key()) || renamedByInterpreter(t.Elem())
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tuple.Len(); i++ {
				if renamedByInterpreter(tuple.At(i).Type()) {
					return true
				}
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if !t.Field(i).Exported() || renamedByInterpreter(t.Field(i).Type()) {
				return true
			}
		}
	case *types.Interface:
		return t.NumMethods() > 0
	}
	return false
}
