package fieldnames

import (
	"reflect"
	"sync"
)

// The notebook's MarshalJSON and MarshalText methods, by the reflect type
// of their struct type (kernel/program's marshalers.go registers them):
// compiled json sees no method of the interpreter's types, and PlainJSON
// encodes such values by the methods before json sees them.

// marshaler is a registered method: how it encodes (json or text),
// whether its receiver is a pointer, and a call of it on a value.
type marshaler struct {
	kind string
	ptr  bool
	call func(any) ([]byte, error)
}

var marshalers sync.Map // reflect.Type -> map[string]marshaler, by kind

// RegisterMarshaler registers the method of kind "json" (MarshalJSON) or
// "text" (MarshalText) of the struct type p points to; call calls it on a
// value of the type.
func RegisterMarshaler(p any, kind string, ptr bool, call func(any) ([]byte, error)) {
	t := reflect.TypeOf(p)
	if t == nil || t.Kind() != reflect.Pointer || call == nil {
		return
	}
	m := map[string]marshaler{}
	if old, ok := marshalers.Load(t.Elem()); ok {
		for k, v := range old.(map[string]marshaler) {
			m[k] = v
		}
	}
	m[kind] = marshaler{kind, ptr, call}
	marshalers.Store(t.Elem(), m)
}

// PlainJSON is Plain for encoding/json: a value of a notebook struct type
// with a MarshalJSON (or else MarshalText) method is replaced by what the
// method returns, where json would call it: on a value, or on a pointer's
// target, and for a method with a pointer receiver, on an addressable
// value only. Map keys are left alone (json takes no key of an interface
// type).
func PlainJSON(v any) any {
	return plainer{seen: map[uintptr]reflect.Value{}, json: true}.of(v)
}

// encoded returns what a registered method makes of v, as a value json
// encodes as the method's result, if v is of a registered type.
func encoded(v reflect.Value) (reflect.Value, bool) {
	target := v
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return v, false
		}
		target = v.Elem()
	}
	found, ok := marshalers.Load(target.Type())
	if !ok {
		return v, false
	}
	byKind := found.(map[string]marshaler)
	for _, kind := range []string{"json", "text"} {
		m, ok := byKind[kind]
		if !ok || m.ptr && v.Kind() != reflect.Pointer && !v.CanAddr() || !target.CanInterface() {
			continue
		}
		b, err := m.call(target.Interface())
		if kind == "json" {
			return reflect.ValueOf(jsonEncoded{b, err}), true
		}
		return reflect.ValueOf(textEncoded{b, err}), true
	}
	return v, false
}

// jsonEncoded is what a MarshalJSON method returned.
type jsonEncoded struct {
	b   []byte
	err error
}

func (e jsonEncoded) MarshalJSON() ([]byte, error) { return e.b, e.err }

// textEncoded is what a MarshalText method returned.
type textEncoded struct {
	b   []byte
	err error
}

func (e textEncoded) MarshalText() ([]byte, error) { return e.b, e.err }
