// Package methodsets gives reflect the methods of the notebook's struct
// types.
//
// The interpreter builds a notebook's struct types with reflect.StructOf,
// which makes types without methods: to reflect, a Person with a Greet
// method had none. reflect.TypeOf(p).NumMethod() was 0 and
// reflect.ValueOf(p).MethodByName("Greet") the zero Value, whose Call
// panicked. The cell registers each method of each such type (Register),
// as a function taking the receiver first, and the cell's calls of
// reflect's methods that list methods go through this package's
// functions, which answer from the registered methods as reflect answers
// for a compiled type: the exported ones, sorted by name, a value's
// method set holding the methods with value receivers, a pointer's all of
// them.
//
// For every other type they are reflect's own. The notebook's named types
// that are not structs, which reflect cannot tell from their underlying
// types, register their methods by name (RegisterNamed), for
// kernel/namedtypes' views of them (NamedSet).
package methodsets

import (
	"go/token"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// registered holds the methods of each struct type registered: a
// reflect.Type to a *methods.
var registered sync.Map

type methods struct {
	mu    sync.Mutex
	funcs map[string]reflect.Value // each func(T, ...) or func(*T, ...)
}

// Register registers fn as the method name (exported or not) of the notebook's struct type
// that p points to ((*T)(nil)). fn takes the receiver first, as a method
// expression does: a T if the method is in T's method set (a value
// receiver, or one promoted through an embedded pointer), a *T if it is
// in *T's only. Registering a name again replaces the method.
func Register(p any, name string, fn any) {
	pt := reflect.TypeOf(p)
	f := reflect.ValueOf(fn)
	if pt == nil || pt.Kind() != reflect.Pointer || f.Kind() != reflect.Func || f.Type().NumIn() == 0 {
		return
	}
	m, _ := registered.LoadOrStore(pt.Elem(), &methods{funcs: map[string]reflect.Value{}})
	ms := m.(*methods)
	ms.mu.Lock()
	ms.funcs[name] = f
	ms.mu.Unlock()
}

// named holds the methods of the notebook's named types that are not
// structs, by their Go names ("main.Celsius"): to reflect, such a type is
// its underlying type, which others share.
var named sync.Map // string -> *methods

// RegisterNamed registers fn as the method name of the notebook's named
// type goName, not a struct: fn takes the receiver first, a value of the
// underlying type, or a pointer to one for a pointer receiver.
func RegisterNamed(goName, name string, fn any) {
	f := reflect.ValueOf(fn)
	if f.Kind() != reflect.Func || f.Type().NumIn() == 0 {
		return
	}
	m, _ := named.LoadOrStore(goName, &methods{funcs: map[string]reflect.Value{}})
	ms := m.(*methods)
	ms.mu.Lock()
	ms.funcs[name] = f
	ms.mu.Unlock()
}

// NamedSet returns the exported methods of the notebook's named type
// goName, whose values are of type raw to reflect, sorted by name: those
// of a value, or with pointer those of a pointer to one, each with its
// Func taking the receiver first.
func NamedSet(goName string, raw reflect.Type, pointer bool) []reflect.Method {
	m, ok := named.Load(goName)
	if !ok {
		return nil
	}
	ms := m.(*methods)
	recv := raw
	if pointer {
		recv = reflect.PointerTo(raw)
	}
	ms.mu.Lock()
	out := collect(ms.funcs, recv, raw)
	ms.mu.Unlock()
	out = slices.DeleteFunc(out, func(m reflect.Method) bool { return !token.IsExported(m.Name) })
	for i := range out {
		out[i].Index = i
	}
	return out
}

// Names returns the names of the exported methods registered, of any
// type.
func Names() map[string]bool {
	names := map[string]bool{}
	registered.Range(func(_, m any) bool {
		ms := m.(*methods)
		ms.mu.Lock()
		for name := range ms.funcs {
			if token.IsExported(name) {
				names[name] = true
			}
		}
		ms.mu.Unlock()
		return true
	})
	return names
}

// set returns the exported methods in the method set of t, sorted by
// name, each with its Func taking a t first, and whether t is a
// registered type or a pointer to one.
func set(t reflect.Type) ([]reflect.Method, bool) {
	all, ok := fullSet(t)
	exported := slices.DeleteFunc(all, func(m reflect.Method) bool { return !token.IsExported(m.Name) })
	for i := range exported {
		exported[i].Index = i
	}
	return exported, ok
}

// fullSet is set with the unexported methods, which only Implements
// looks at.
func fullSet(t reflect.Type) ([]reflect.Method, bool) {
	if t == nil {
		return nil, false
	}
	base := t
	if t.Kind() == reflect.Pointer {
		base = t.Elem()
	}
	m, ok := registered.Load(base)
	if !ok {
		return nil, false
	}
	ms := m.(*methods)
	ms.mu.Lock()
	defer ms.mu.Unlock()
	out := collect(ms.funcs, t, base)
	return out, true
}

// collect returns the methods of funcs in the method set of type t, whose
// values' type is base, or a pointer to one: a method whose receiver is t,
// and for a pointer a value method, taking the pointer. They are sorted
// by name.
func collect(funcs map[string]reflect.Value, t, base reflect.Type) []reflect.Method {
	var out []reflect.Method
	for name, fn := range funcs {
		switch recv := fn.Type().In(0); {
		case recv == t:
			out = append(out, reflect.Method{Name: name, Type: fn.Type(), Func: fn})
		case t != base && recv == base:
			// A value method in a pointer's method set.
			f := withPointer(fn, t)
			out = append(out, reflect.Method{Name: name, Type: f.Type(), Func: f})
		}
	}
	slices.SortFunc(out, func(a, b reflect.Method) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// withPointer returns fn, which takes a T first, as a function taking a
// pointer ptr to a T.
func withPointer(fn reflect.Value, ptr reflect.Type) reflect.Value {
	ft := fn.Type()
	in := []reflect.Type{ptr}
	for i := 1; i < ft.NumIn(); i++ {
		in = append(in, ft.In(i))
	}
	return reflect.MakeFunc(reflect.FuncOf(in, outs(ft), ft.IsVariadic()), func(args []reflect.Value) []reflect.Value {
		args[0] = args[0].Elem()
		return call(fn, args)
	})
}

// bound returns method m bound to the receiver v, as v.Method(i) gives it.
func bound(m reflect.Method, v reflect.Value) reflect.Value {
	ft := m.Type
	var in []reflect.Type
	for i := 1; i < ft.NumIn(); i++ {
		in = append(in, ft.In(i))
	}
	return reflect.MakeFunc(reflect.FuncOf(in, outs(ft), ft.IsVariadic()), func(args []reflect.Value) []reflect.Value {
		return call(m.Func, append([]reflect.Value{v}, args...))
	})
}

func outs(ft reflect.Type) []reflect.Type {
	var out []reflect.Type
	for i := range ft.NumOut() {
		out = append(out, ft.Out(i))
	}
	return out
}

// call calls fn with the arguments a function made by MakeFunc gets: the
// variadic ones in a slice.
func call(fn reflect.Value, args []reflect.Value) []reflect.Value {
	if fn.Type().IsVariadic() {
		return fn.CallSlice(args)
	}
	return fn.Call(args)
}

// NumMethod is t.NumMethod().
func NumMethod(t reflect.Type) int {
	if ms, ok := set(t); ok {
		return len(ms)
	}
	return t.NumMethod()
}

// Method is t.Method(i).
func Method(t reflect.Type, i int) reflect.Method {
	if ms, ok := set(t); ok {
		if i < 0 || i >= len(ms) {
			panic("reflect: Method index out of range")
		}
		return ms[i]
	}
	return t.Method(i)
}

// MethodByName is t.MethodByName(name).
func MethodByName(t reflect.Type, name string) (reflect.Method, bool) {
	if ms, ok := set(t); ok {
		for _, m := range ms {
			if m.Name == name {
				return m, true
			}
		}
		return reflect.Method{}, false
	}
	return t.MethodByName(name)
}

// Implements is t.Implements(u): whether t's method set holds each of
// the interface u's methods, of the same signature.
func Implements(t, u reflect.Type) bool {
	if u != nil && u.Kind() != reflect.Interface && u.String() == "interp.valueInterface" {
		panic("reflect: the interface type passed to Type.Implements is one of the notebook's, which reflect cannot see " +
			"(goconc's interpreter has one type for them all): write t.Implements(reflect.TypeFor[YourInterface]()) " +
			"or t.Implements(reflect.TypeOf((*YourInterface)(nil)).Elem()) itself, which goconc reads")
	}
	ms, ok := fullSet(t)
	if !ok || u == nil || u.Kind() != reflect.Interface {
		return t.Implements(u) // (and its panics)
	}
	for i := range u.NumMethod() {
		want := u.Method(i)
		j := slices.IndexFunc(ms, func(m reflect.Method) bool { return m.Name == want.Name })
		if j < 0 || !sameSignature(ms[j].Type, want.Type) {
			return false
		}
	}
	return true
}

// ImplementsMethods is t.Implements(u) for one of the notebook's
// interfaces u, which reflect cannot see: methods holds, for each of u's
// methods, its name and a nil function of its signature.
func ImplementsMethods(t reflect.Type, methods ...any) bool {
	if t == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	ms, registered := fullSet(t)
	for i := 0; i+1 < len(methods); i += 2 {
		name, _ := methods[i].(string)
		want := reflect.TypeOf(methods[i+1])
		var m reflect.Method
		found := false
		if registered {
			j := slices.IndexFunc(ms, func(m reflect.Method) bool { return m.Name == name })
			found = j >= 0
			if found {
				m = ms[j]
			}
		} else {
			m, found = t.MethodByName(name)
		}
		if !found || want == nil {
			return false
		}
		got := m.Type
		if t.Kind() == reflect.Interface {
			// An interface's methods have no receiver.
			if got != want {
				return false
			}
			continue
		}
		if !sameSignature(got, want) {
			return false
		}
	}
	return true
}

// sameSignature reports whether method type m, with its receiver first,
// has the signature of the interface method type want.
func sameSignature(m, want reflect.Type) bool {
	if m.NumIn()-1 != want.NumIn() || m.NumOut() != want.NumOut() || m.IsVariadic() != want.IsVariadic() {
		return false
	}
	for i := range want.NumIn() {
		if m.In(i+1) != want.In(i) {
			return false
		}
	}
	for i := range want.NumOut() {
		if m.Out(i) != want.Out(i) {
			return false
		}
	}
	return true
}

// valueSet returns the methods of v, of type t: those registered for t, or,
// where t is a view of one of the notebook's named types that are not
// structs (kernel/namedtypes), the view's.
func valueSet(v reflect.Value, t reflect.Type) ([]reflect.Method, bool) {
	if ms, ok := set(t); ok {
		return ms, true
	}
	if t == nil || t == v.Type() {
		return nil, false
	}
	ms := make([]reflect.Method, t.NumMethod())
	for i := range ms {
		ms[i] = t.Method(i)
	}
	return ms, true
}

// ValueNumMethod is v.NumMethod(), for a v of type t as the notebook
// sees it: v.Type(), or its view (kernel/namedvalues).
func ValueNumMethod(v reflect.Value, t reflect.Type) int {
	if !v.IsValid() {
		return v.NumMethod() // (its panic)
	}
	if ms, ok := valueSet(v, t); ok {
		return len(ms)
	}
	return v.NumMethod()
}

// ValueMethod is v.Method(i), for a v of type t (see ValueNumMethod).
func ValueMethod(v reflect.Value, t reflect.Type, i int) reflect.Value {
	if !v.IsValid() {
		return v.Method(i)
	}
	if ms, ok := valueSet(v, t); ok {
		if i < 0 || i >= len(ms) {
			panic("reflect: Method index out of range")
		}
		return bound(ms[i], v)
	}
	return v.Method(i)
}

// ValueMethodByName is v.MethodByName(name), for a v of type t (see
// ValueNumMethod).
func ValueMethodByName(v reflect.Value, t reflect.Type, name string) reflect.Value {
	if !v.IsValid() {
		return v.MethodByName(name)
	}
	if ms, ok := valueSet(v, t); ok {
		for _, m := range ms {
			if m.Name == name {
				return bound(m, v)
			}
		}
		return reflect.Value{}
	}
	return v.MethodByName(name)
}
