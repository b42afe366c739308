package fieldnames

import (
	"reflect"
	"runtime"
	"sync"
	"unsafe"
)

// The interpreter hands a value of the notebook's named types that are
// not structs to compiled code (as an error, a fmt.Stringer) in a wrapper:
// a struct whose first field, IValue, is the bare value, or nothing, and
// whose other fields are the methods. The wrapper does not name the
// value's type, so an error of a type Code handed on as an any was no
// Code to a type switch. KeepBox remembers the value's box for the
// wrapper, by its first method, a function the wrapper's copies share;
// BoxName and WrapperBox find it again.

// boxes maps the closure of a wrapper's first method to the box of its
// value. An entry goes when the closure does.
var boxes sync.Map // uintptr → reflect.Value

// KeepBox remembers box, the interpreter's box of the value that w wraps.
func KeepBox(w, box reflect.Value) {
	p, ok := wrapperKey(w)
	if !ok || !box.IsValid() || !isBox(box.Type()) {
		return
	}
	key := uintptr(p)
	if _, loaded := boxes.Swap(key, box); !loaded {
		runtime.AddCleanup((*byte)(p), func(k uintptr) { boxes.Delete(k) }, key)
	}
}

// WrapperHeld returns what w, the interpreter's wrapper of a value of the
// notebook's in a compiled interface (an error, a fmt.Stringer), holds:
// the box KeepBox remembered for it (which names a named type that is not
// a struct), else the value in its first field (the zero Value for nil);
// false if w is no wrapper.
func WrapperHeld(w reflect.Value) (reflect.Value, bool) {
	if !w.IsValid() || !isWrapper(w.Type()) {
		return w, false
	}
	if b, ok := WrapperBox(w); ok {
		return b, true
	}
	if f := w.Field(0); f.Kind() == reflect.Interface {
		return f.Elem(), true // (the zero Value for nil)
	}
	return w, false
}

// WrapperBox returns the box KeepBox remembered for w, if w is the
// interpreter's wrapper of a value.
func WrapperBox(w reflect.Value) (reflect.Value, bool) {
	p, ok := wrapperKey(w)
	if !ok {
		return reflect.Value{}, false
	}
	b, ok := boxes.Load(uintptr(p))
	if !ok {
		return reflect.Value{}, false
	}
	return b.(reflect.Value), true
}

// wrapperKey returns the closure of w's first method: the pointer a func
// value holds, which the wrapper's copies share.
func wrapperKey(w reflect.Value) (unsafe.Pointer, bool) {
	if !w.IsValid() || !isWrapper(w.Type()) || w.NumField() < 2 || w.Field(1).Kind() != reflect.Func || w.Field(1).IsNil() {
		return nil, false
	}
	f := reflect.New(w.Field(1).Type()).Elem()
	f.Set(w.Field(1))
	return *(*unsafe.Pointer)(f.Addr().UnsafePointer()), true
}
