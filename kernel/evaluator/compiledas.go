package evaluator

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// A value of a compiled type in an interface the notebook declares or
// writes as a literal (program's compiledAssertion):
//
//	_, err := os.Open("/missing")
//	te, ok := err.(interface{ Timeout() bool })
//
// Yaegi v0.16.1 asserts to such an interface only the values it boxed
// itself, so a compiled value (*fs.PathError, time.Duration) was never of
// one: ok was false, a type switch went to its default. The cell asks the
// CompiledMethods hook whether the value's type has the methods, then
// converts it as Yaegi converts a value whose type it knows,
//
//	var v I = hooks.Dynamic(x); hooks.Retype(&v)
//
// and Retype gives the box the value's own type: Yaegi's box (its
// valueInterface) names the type of the expression converted, here
// Dynamic, and holds the Dynamic; after Retype it names x's type and
// holds x, as when the cell converts a time.Duration to the interface.

// Dynamic is a compiled value on its way into an interface of the
// notebook's; an interface type of its own, so Yaegi boxes it.
type Dynamic interface{}

// compiledMethods is the CompiledMethods hook: whether x is a value of a
// compiled type with the methods names, each of the type of the nil
// function in sigs at its index. The interpreter's own types (a notebook
// struct in reflect's terms, Yaegi's wrappers) are not compiled values:
// their methods are not what reflect sees.
func compiledMethods(x any, names []string, sigs []any) bool {
	t := reflect.TypeOf(x)
	if t == nil || !compiledType(t) {
		return false
	}
	for i, name := range names {
		m, ok := t.MethodByName(name)
		if !ok || i >= len(sigs) {
			return false
		}
		// m.Type has the receiver first; the signature has not.
		want := reflect.TypeOf(sigs[i])
		if want == nil || want.NumIn() != m.Type.NumIn()-1 || want.NumOut() != m.Type.NumOut() || want.IsVariadic() != m.Type.IsVariadic() {
			return false
		}
		for j := 0; j < want.NumIn(); j++ {
			if want.In(j) != m.Type.In(j+1) {
				return false
			}
		}
		for j := 0; j < want.NumOut(); j++ {
			if want.Out(j) != m.Type.Out(j) {
				return false
			}
		}
	}
	return true
}

// compiledType reports whether t is a type a compiled package declares,
// or a pointer to one, and not one of the interpreter's (its wrappers
// giving notebook values to compiled interfaces live in Yaegi's
// packages). A notebook type is unnamed to reflect, or, for a named type
// that is not a struct (type Celsius float64), the predeclared type under
// it, which has no package.
func compiledType(t reflect.Type) bool {
	if t.Name() == "" && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name() != "" && t.PkgPath() != "" && !strings.HasPrefix(t.PkgPath(), "github.com/traefik/yaegi")
}

// compiledValue is the CompiledValue hook: x, and whether it is a value
// of a compiled type (program's unboxCompiledValues).
func compiledValue(x any) (any, bool) {
	t := reflect.TypeOf(x)
	return x, t != nil && compiledType(t)
}

// retyped holds a node for each compiled type Retype gave a box: the copy
// of the first node boxed, naming the type. A node's other fields do not
// matter to a box (all of them are Dynamic's calls).
var retyped sync.Map // reflect.Type -> unsafe.Pointer, a node

// retype is the Retype hook: p points to Yaegi's box of a Dynamic, which
// it makes a box of the value the Dynamic holds, of that value's type.
func retype(p any) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		panic("goconc: Retype: not a pointer to the interpreter's box: " + v.Type().String())
	}
	if !layoutOf(v.Type().Elem()).ok {
		panic("goconc: Retype: the interpreter's box is not laid out as goconc expects (a Yaegi other than v0.16.1?)")
	}
	box := v.UnsafePointer()
	value := (*reflect.Value)(unsafe.Add(box, boxAt.value))
	if value.Kind() == reflect.Interface {
		*value = value.Elem()
	}
	node := (*unsafe.Pointer)(unsafe.Add(box, boxAt.node))
	if *node == nil || !value.IsValid() {
		return
	}
	key := value.Type()
	if n, ok := retyped.Load(key); ok {
		*node = n.(unsafe.Pointer)
		return
	}
	// A copy of the node and of its type, naming the value's type: its
	// reflect type and name, and no type it wraps (Yaegi names a type by
	// the one it wraps first).
	n := reflect.New(boxAt.nodeT)
	n.Elem().Set(reflect.NewAt(boxAt.nodeT, *node).Elem())
	typField := (*unsafe.Pointer)(unsafe.Add(n.UnsafePointer(), boxAt.typ))
	t := reflect.New(boxAt.typT)
	t.Elem().Set(reflect.NewAt(boxAt.typT, *typField).Elem())
	*(*reflect.Type)(unsafe.Add(t.UnsafePointer(), boxAt.rtype)) = value.Type()
	*(*string)(unsafe.Add(t.UnsafePointer(), boxAt.str)) = value.Type().String()
	*(*unsafe.Pointer)(unsafe.Add(t.UnsafePointer(), boxAt.val)) = nil
	*typField = t.UnsafePointer()
	n2, _ := retyped.LoadOrStore(key, n.UnsafePointer())
	*node = n2.(unsafe.Pointer)
}

// notebookStruct reports whether x holds a value of one of the notebook's
// package-level struct types, or a pointer to one (their reflect types are
// registered by name): an assertion to one of the notebook's interfaces
// tried those that implement it before it asks the interpreter.
func notebookStruct(x any) bool {
	v := fieldnames.Unboxed(reflect.ValueOf(x))
	if held, ok := fieldnames.WrapperHeld(v); ok {
		v = held
	}
	if !v.IsValid() {
		return false
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	_, ok := fieldnames.StructName(t)
	return ok
}
