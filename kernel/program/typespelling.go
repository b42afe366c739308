package program

import (
	"go/types"
	"strings"

	"github.com/goconc/goconc/kernel/reflectname"
)

// spelledByInterpreter reports whether fmt's %T and %#v, from reflect,
// spell t otherwise than Go: it names one of the notebook's types, an
// instance of a generic type among them (atomic.Pointer[http.Header] is
// lowered into the notebook's atomicᐧPointerᐸhttp_Headerᐳ), or it is
// renamedByInterpreter.
func (g *gen) spelledByInterpreter(t types.Type) bool {
	return strings.Contains(reflectname.Of(t, g.mainQualifier), "main.") || renamedByInterpreter(t)
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
