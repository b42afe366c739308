package fieldnames

import (
	"encoding/json"
	"encoding/xml"
	"reflect"
	"sync"
)

// The notebook's MarshalJSON, MarshalText, UnmarshalJSON and UnmarshalText
// methods (kernel/program's marshalers.go registers them). Compiled json
// sees no method of the interpreter's types: a struct type's value has
// none, and a named type of another kind is its underlying type to
// reflect (an Animal is an int). PlainJSON encodes such values by their
// methods before json sees them, and DecodeJSON decodes into them by
// their methods, where json would call them.
//
// What json cannot tell from a value, the value's static type tells: the
// program passes a shape of it (shapes.go) that says where values of
// which of its types are; struct types are also found by their reflect
// type (each notebook struct type has one of its own), and boxes by the
// name of the type of the value they hold.

// codec is what a notebook type's registered methods do, by kind: "json"
// (MarshalJSON, UnmarshalJSON) or "text" (MarshalText, UnmarshalText).
type codec struct {
	name      string // "main.Animal"
	marshal   map[string]marshaler
	unmarshal map[string]func(p any, b []byte) error
	// MarshalXML and UnmarshalXML, if the type has them
	marshalXML   *xmlMarshaler
	unmarshalXML func(p any, d *xml.Decoder, start xml.StartElement) error
}

// decodesJSON reports whether json decodes a value of c's type by one of
// its methods: UnmarshalJSON, or UnmarshalText (not UnmarshalBinary).
func (c *codec) decodesJSON() bool {
	return c != nil && (c.unmarshal["json"] != nil || c.unmarshal["text"] != nil)
}

// marshaler is a registered Marshal method: whether its receiver is a
// pointer, and a call of it on a value.
type marshaler struct {
	ptr  bool
	call func(any) ([]byte, error)
}

var (
	codecsMu sync.Mutex
	byType   sync.Map // reflect.Type of a struct type -> *codec
	byName   sync.Map // "main.Animal" -> *codec
)

// codecOf returns the codec registered for name, creating it, and files
// it under the struct type p points to, if p is not nil.
func codecOf(name string, p any) *codec {
	c, _ := byName.LoadOrStore(name, &codec{name: name})
	if t := reflect.TypeOf(p); t != nil && t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		byType.Store(t.Elem(), c)
	}
	return c.(*codec)
}

// RegisterMarshaler registers the method of kind "json" (MarshalJSON),
// "text" (MarshalText) or "binary" (MarshalBinary) of the notebook type called name; p is a nil
// pointer to the type, ptr says the receiver is a pointer, and call calls
// the method on a value (of the type's underlying type, for a type that
// is not a struct).
func RegisterMarshaler(p any, name, kind string, ptr bool, call func(any) ([]byte, error)) {
	if call == nil {
		return
	}
	codecsMu.Lock()
	defer codecsMu.Unlock()
	c := codecOf(name, p)
	m := map[string]marshaler{kind: {ptr, call}}
	for k, v := range c.marshal {
		if k != kind {
			m[k] = v
		}
	}
	c.marshal = m
}

// RegisterUnmarshaler registers the method of kind "json" (UnmarshalJSON),
// "text" (UnmarshalText) or "binary" (UnmarshalBinary) of the notebook type called name; call calls
// it on a pointer to a value (to one of the underlying type, for a type
// that is not a struct).
func RegisterUnmarshaler(p any, name, kind string, call func(any, []byte) error) {
	if call == nil {
		return
	}
	codecsMu.Lock()
	defer codecsMu.Unlock()
	c := codecOf(name, p)
	m := map[string]func(any, []byte) error{kind: call}
	for k, v := range c.unmarshal {
		if k != kind {
			m[k] = v
		}
	}
	c.unmarshal = m
}

// PlainJSON is Plain for encoding/json: a value of a notebook type with a
// MarshalJSON (or else MarshalText) method is replaced by what the method
// returns, where json would call it: on a value, or on a pointer's
// target, and for a method with a pointer receiver, on an addressable
// value only. shape is the shape of v's static type (shapes.go); a map
// key whose type has MarshalText is replaced by its text.
func PlainJSON(v any, shape string) any {
	return plainer{seen: map[uintptr]reflect.Value{}, json: true}.of(v, parseShape(shape))
}

// encoded returns what a registered method of one of kinds makes of v,
// the first of them it has, as a value json (or xml, for a MarshalText
// method) encodes as the method's result, if v is of a registered type: a
// struct type, known by its reflect type, or the type s names.
func encoded(v reflect.Value, s *shape, kinds ...string) (reflect.Value, bool) {
	target, c := codecOfValue(v, s)
	if c == nil {
		return v, false
	}
	for _, kind := range kinds {
		m, ok := c.marshal[kind]
		if !ok || m.ptr && v.Kind() != reflect.Pointer && !v.CanAddr() || !target.CanInterface() {
			continue
		}
		b, err := m.call(target.Interface())
		if err != nil {
			err = &methodError{c.name, err}
		}
		if kind == "binary" {
			return reflect.ValueOf(binaryEncoded{b, err}), true
		}
		if kind == "json" {
			if err == nil && !json.Valid(b) {
				err = &methodError{c.name, json.Unmarshal(b, new(json.RawMessage))}
			}
			return reflect.ValueOf(jsonEncoded{b, err}), true
		}
		return reflect.ValueOf(textEncoded{b, err, c.name}), true
	}
	return v, false
}

// codecOfValue returns the value v is or points to, and the methods
// registered for its type, a struct type known by its reflect type or the
// type s names; a nil codec for none, or a nil pointer.
func codecOfValue(v reflect.Value, s *shape) (reflect.Value, *codec) {
	target := v
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return v, nil
		}
		target = v.Elem()
	}
	if s != nil && s.kind == named {
		return target, s.codec()
	}
	if found, ok := byType.Load(target.Type()); ok {
		return target, found.(*codec)
	}
	return target, nil
}

// keyText returns the text json writes for the map key k whose type has a
// MarshalText method, if it has one: a key of a string kind is written as
// it is, as json does.
func keyText(k reflect.Value, s *shape) (string, bool, error) {
	if s == nil || s.kind != named || k.Kind() == reflect.String {
		return "", false, nil
	}
	c := s.codec()
	if c == nil {
		return "", false, nil
	}
	m, ok := c.marshal["text"]
	if !ok || m.ptr || !k.CanInterface() {
		return "", false, nil
	}
	b, err := m.call(k.Interface())
	if err != nil {
		err = &methodError{s.name, err}
	}
	return string(b), true, err
}

// methodError is an error a notebook type's Marshal method returned (or,
// for MarshalJSON, the error in the JSON it returned): json wraps it in a
// MarshalerError naming jsonEncoded or textEncoded, which JSONError names
// the notebook's type in.
type methodError struct {
	name string
	err  error
}

func (e *methodError) Error() string { return e.err.Error() }
func (e *methodError) Unwrap() error { return e.err }

// JSONError returns err, an error of json's encoders, as json would have
// returned it had it called the notebook's method itself: a
// *json.MarshalerError naming the notebook's type.
func JSONError(err error) error {
	me, ok := err.(*json.MarshalerError)
	if !ok {
		return err
	}
	inner, ok := me.Err.(*methodError)
	if !ok {
		return err
	}
	c := *me
	c.Type, c.Err = namedType{me.Type, inner.name}, inner.err
	return &c
}

// jsonEncoded is what a MarshalJSON method returned.
type jsonEncoded struct {
	b   []byte
	err error
}

func (e jsonEncoded) MarshalJSON() ([]byte, error) { return e.b, e.err }

// textEncoded is what a MarshalText method returned, and the Go name
// of the method's type, which xml names an element by at the top.
type textEncoded struct {
	b    []byte
	err  error
	name string
}

func (e textEncoded) MarshalText() ([]byte, error) { return e.b, e.err }

// binaryEncoded is what a MarshalBinary method returned, which gob
// encodes.
type binaryEncoded struct {
	b   []byte
	err error
}

func (e binaryEncoded) MarshalBinary() ([]byte, error) { return e.b, e.err }
