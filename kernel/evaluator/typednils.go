package evaluator

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/symbols"
)

// typedNilError is the TypedNilError hook: an error holding a nil pointer
// of the notebook's type called name, whose Error method is msg (program's
// copyIntoInterfaces); p points to the nil pointer. The interpreter makes
// a nil error of it. One per type, as Go's two errors holding a nil *T
// are equal.
func typedNilError(msg func() string, name string, p any) error {
	return heldNil(&typedNils, msg, name, p, func(h nilHolder) any { return &typedNil{h} }).(*typedNil)
}

// typedNilStringer is the TypedNilStringer hook: typedNilError for a
// fmt.Stringer, whose String method is msg.
func typedNilStringer(msg func() string, name string, p any) fmt.Stringer {
	return heldNil(&typedNilStringers, msg, name, p, func(h nilHolder) any { return &typedNilString{h} }).(*typedNilString)
}

// typedNils and typedNilStringers hold the stand-in of each type, by its
// Go name.
var typedNils, typedNilStringers sync.Map

// heldNil returns the stand-in in m for the type called name, made by
// build the first time.
func heldNil(m *sync.Map, msg func() string, name string, p any, build func(nilHolder) any) any {
	h := nilHolder{msg: msg, name: name}
	nilPtr := reflect.ValueOf(p)
	if nilPtr.Kind() != reflect.Pointer || nilPtr.IsNil() {
		return build(h)
	}
	h.ptr = nilPtr.Elem()
	v, _ := m.LoadOrStore(name, build(h))
	return v
}

// typedNil is an error holding a nil pointer of the notebook's.
type typedNil struct{ nilHolder }

func (t *typedNil) Error() string { return t.msg() }

// typedNilString is a fmt.Stringer holding a nil pointer of the
// notebook's.
type typedNilString struct{ nilHolder }

func (t *typedNilString) String() string { return t.msg() }

// nilHolder is what typedNil and typedNilString hold: what assertions
// (wrappedValue), errors.As (asMethod), %T and reflect (errorValue) find in
// them is the nil pointer.
type nilHolder struct {
	msg  func() string // the method on the nil pointer
	name string        // its type's Go name: *main.MyErr
	ptr  reflect.Value // the nil pointer
}

// heldNilOf returns the nilHolder in v, if v is a stand-in.
func heldNilOf(v any) (*nilHolder, bool) {
	switch t := v.(type) {
	case *typedNil:
		return &t.nilHolder, true
	case *typedNilString:
		return &t.nilHolder, true
	}
	return nil, false
}

// value is the nil pointer h holds, as an any.
func (h *nilHolder) value() (any, bool) {
	if !h.ptr.IsValid() || !h.ptr.CanInterface() {
		return nil, false
	}
	return h.ptr.Interface(), true
}

// Format prints what fmt prints of a nil pointer whose method panics:
// <nil>.
func (h *nilHolder) Format(f fmt.State, verb rune) {
	s, ok := func() (s string, ok bool) {
		defer func() { recover() }()
		return h.msg(), true
	}()
	if !ok {
		f.Write([]byte("<nil>")) // (as fmt does: unquoted, unpadded)
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), s)
}

// typedNilAs is the TypedNilAs hook: it sets *to, a compiled interface
// other than error and fmt.Stringer (an io.Reader), to hold *p, a nil
// pointer of the notebook's type called name (program's typedNilAs). The
// interpreter makes a nil interface of it, where Go's holds the nil
// pointer: the stand-in is the interpreter's own wrapper of a value in
// that interface, holding the nil pointer, with methods, the pointer's
// methods the cell took, named by names (a nil one, of a method with a
// value receiver, panics as Go's runtime does). What looks into the
// interpreter's wrappers (assertions, %T, fmt) finds the nil pointer.
func typedNilAs(to any, name string, p any, names string, methods ...any) {
	dst := reflect.ValueOf(to)
	nilPtr := reflect.ValueOf(p)
	if dst.Kind() != reflect.Pointer || dst.Elem().Kind() != reflect.Interface || nilPtr.Kind() != reflect.Pointer {
		return
	}
	iface := dst.Elem().Type()
	wrapper, ok := wrapperOf(iface)
	if !ok {
		return
	}
	w := reflect.New(wrapper).Elem()
	w.Field(0).Set(nilPtr.Elem())
	for i, m := range strings.Split(names, ",") {
		f, ok := wrapper.FieldByName("W" + m)
		if !ok || i >= len(methods) {
			return
		}
		if methods[i] == nil {
			w.FieldByIndex(f.Index).Set(nilValueMethod(f.Type, name, m))
			continue
		}
		fn := reflect.ValueOf(methods[i])
		if !fn.Type().AssignableTo(f.Type) {
			return
		}
		w.FieldByIndex(f.Index).Set(fn)
	}
	if w.Type().Implements(iface) {
		dst.Elem().Set(w)
	}
}

// nilValueMethod is a method of type t for the wrapper of a nil pointer
// of the type called ptrName (*main.T) whose method m has a value
// receiver: called, it panics as Go's runtime does.
func nilValueMethod(t reflect.Type, ptrName, m string) reflect.Value {
	typ := strings.TrimPrefix(ptrName, "*")
	short := typ[strings.LastIndex(typ, ".")+1:]
	msg := "value method " + typ + "." + m + " called using nil *" + short + " pointer"
	return reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value { panic(runtimeError(msg)) })
}

// wrappers maps a compiled interface type to the interpreter's wrapper
// type for it: _io_Reader for io.Reader, in the symbol tables under
// "_Reader".
var wrappers sync.Map // reflect.Type → reflect.Type

// wrapperOf returns the interpreter's wrapper type of compiled interface
// iface, as Yaegi finds it (getWrapper).
func wrapperOf(iface reflect.Type) (reflect.Type, bool) {
	if w, ok := wrappers.Load(iface); ok {
		return w.(reflect.Type), true
	}
	path := iface.PkgPath()
	for key, syms := range symbols.All() {
		if key[:max(strings.LastIndex(key, "/"), 0)] != path {
			continue
		}
		if v, ok := syms["_"+iface.Name()]; ok && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			w := v.Type().Elem()
			wrappers.Store(iface, w)
			return w, true
		}
	}
	return nil, false
}
