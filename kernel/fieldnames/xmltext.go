package fieldnames

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"sync"
)

// encoding/xml encodes a value whose type has a MarshalText method as the
// method's text, and decodes one whose type has UnmarshalText by the
// method, in elements and attributes alike. It sees no method of the
// notebook's types: a Size (type Size int) was written as its int, and a
// <size>small</size> was an error ("strconv.ParseInt: parsing "small"").
// PlainXML gives xml the method's text in each such value's place, as
// PlainJSON gives json; DecodeXML decodes into a copy with a textSlot in
// each such place, which takes the text, and gives each text to the
// method.

// PlainXML is Plain of v, of shape (kernel/program's shapes), with each
// value of a type with a registered MarshalText method replaced by the
// method's text.
func PlainXML(v any, shape string) any {
	return plainer{seen: map[uintptr]reflect.Value{}, xmlText: true}.of(v, parseShape(shape))
}

// DecodeXML is decode(data, p), xml.Unmarshal, where the value p points
// to, of shape, may hold values of the notebook's types with an
// UnmarshalText method.
func DecodeXML(decode func(data []byte, p any) error, data []byte, p any, shape string) error {
	s := parseShape(shape)
	v := reflect.ValueOf(p)
	if s == nil || s.kind != pointer || v.Kind() != reflect.Pointer || v.IsNil() {
		return decode(data, p)
	}
	m, ok := slotted(v.Type().Elem(), s.elem)
	if !ok || m == v.Type().Elem() {
		return decode(data, p)
	}
	c := reflect.New(m)
	toSlotted(c.Elem(), v.Elem()) // (xml appends to slices, and leaves what the input does not set)
	err := decode(data, c.Interface())
	if e := fromSlotted(v.Elem(), c.Elem(), s.elem); err == nil {
		err = e
	}
	return err
}

// textSlot takes the text xml decodes for a value of one of the
// notebook's types with an UnmarshalText method.
type textSlot struct {
	text []byte
	set  bool
}

func (t *textSlot) UnmarshalText(b []byte) error {
	t.text, t.set = append([]byte(nil), b...), true
	return nil
}

var textSlotType = reflect.TypeFor[textSlot]()

// textCodec returns the UnmarshalText method registered for the type of
// shape s, if s names one that has one.
func textCodec(s *shape) func(p any, b []byte) error {
	if s == nil || s.kind != named {
		return nil
	}
	if c := s.codec(); c != nil {
		return c.unmarshal["text"]
	}
	return nil
}

type slottedKey struct {
	t reflect.Type
	s *shape
}

// slottedTypes holds the types slotted made: slottedKey -> reflect.Type.
var slottedTypes sync.Map

// slotted returns t, of shape s, with an elementSlot in place of each
// value of a type with an UnmarshalXML method, and a textSlot in place of
// each of one with an UnmarshalText method (xml asks for UnmarshalXML
// first); false if reflect cannot make it (mirrorOf).
func slotted(t reflect.Type, s *shape) (reflect.Type, bool) {
	key := slottedKey{t, s}
	if m, ok := slottedTypes.Load(key); ok {
		return m.(reflect.Type), true
	}
	m, ok := mirrorOf(t, s, func(_ reflect.Type, s *shape) (reflect.Type, bool) {
		switch {
		case xmlCodec(s) != nil:
			return elementSlotType, true
		case textCodec(s) != nil:
			return textSlotType, true
		}
		return nil, false
	}, map[reflect.Type]bool{})
	if ok {
		slottedTypes.Store(key, m)
	}
	return m, ok
}

// toSlotted copies src into dst, of src's slotted type, but the values
// the slots stand for.
func toSlotted(dst, src reflect.Value) {
	toMirror(dst, src, func(dst, _ reflect.Value) bool {
		return dst.Type() == textSlotType || dst.Type() == elementSlotType
	})
}

// fromSlotted copies src, of dst's slotted type for shape s, into dst,
// giving the text of each slot xml set to the UnmarshalText method of
// the value it stands for; the first error of a method is returned, and
// stops the copy, as it stops xml.
func fromSlotted(dst, src reflect.Value, s *shape) error {
	if dst.Type() == src.Type() {
		dst.Set(src)
		return nil
	}
	if src.Type() == textSlotType {
		slot := src.Interface().(textSlot)
		if !slot.set {
			return nil
		}
		return textCodec(s)(dst.Addr().Interface(), slot.text)
	}
	if src.Type() == elementSlotType {
		slot := src.Interface().(elementSlot)
		if !slot.set {
			return nil
		}
		return unmarshalElement(xmlCodec(s), dst.Addr().Interface(), slot.raw)
	}
	if s != nil && s.kind == named {
		s = s.elem
	}
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return nil
		}
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		return fromSlotted(dst.Elem(), src.Elem(), s.inner(pointer))
	case reflect.Slice:
		if src.IsNil() {
			return nil
		}
		if src.Len() > dst.Len() {
			grown := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
			reflect.Copy(grown, dst)
			dst.Set(grown)
		}
		for i := range src.Len() {
			if err := fromSlotted(dst.Index(i), src.Index(i), s.inner(sequence)); err != nil {
				return err
			}
		}
	case reflect.Array:
		for i := range src.Len() {
			if err := fromSlotted(dst.Index(i), src.Index(i), s.inner(sequence)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		shapes := s.fieldShapes(dst.Type())
		for i := range src.NumField() {
			var fs *shape
			if i < len(shapes) {
				fs = shapes[i]
			}
			if err := fromSlotted(dst.Field(i), src.Field(i), fs); err != nil {
				return err
			}
		}
	}
	return nil
}

// xmlMarshaler is a registered MarshalXML method: whether its receiver is
// a pointer, and a call of it on a value.
type xmlMarshaler struct {
	ptr  bool
	call func(v any, e *xml.Encoder, start xml.StartElement) error
}

// RegisterXMLMarshaler registers the MarshalXML method of the notebook
// type called name, as RegisterMarshaler registers the others.
func RegisterXMLMarshaler(p any, name string, ptr bool, call func(any, *xml.Encoder, xml.StartElement) error) {
	codecsMu.Lock()
	defer codecsMu.Unlock()
	codecOf(name, p).marshalXML = &xmlMarshaler{ptr, call}
}

// RegisterXMLUnmarshaler registers the UnmarshalXML method of the
// notebook type called name; call calls it on a pointer to a value.
func RegisterXMLUnmarshaler(p any, name string, _ bool, call func(any, *xml.Decoder, xml.StartElement) error) {
	codecsMu.Lock()
	defer codecsMu.Unlock()
	codecOf(name, p).unmarshalXML = call
}

// xmlMarshaled is a value of the notebook's types with a MarshalXML
// method, which xml calls as it encodes, with its Encoder: the method is
// called with them.
type xmlMarshaled struct {
	v    any
	m    *xmlMarshaler
	name string // the type's Go name, which xml names an element by at the top
}

func (x xmlMarshaled) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return x.m.call(x.v, e, start)
}

// xmlMarshaledOf returns v as an xmlMarshaled, if v is of a registered
// type with a MarshalXML method: a struct type, known by its reflect
// type, or the type s names.
func xmlMarshaledOf(v reflect.Value, s *shape) (reflect.Value, bool) {
	target, c := codecOfValue(v, s)
	if c == nil || c.marshalXML == nil || c.marshalXML.ptr && v.Kind() != reflect.Pointer && !v.CanAddr() || !target.CanInterface() {
		return v, false
	}
	return reflect.ValueOf(xmlMarshaled{target.Interface(), c.marshalXML, c.name}), true
}

// elementSlot takes the element xml decodes for a value of one of the
// notebook's types with an UnmarshalXML method, written out again, which
// fromSlotted hands the method with a Decoder of its own.
type elementSlot struct {
	raw []byte
	set bool
}

func (s *elementSlot) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
		if err := enc.EncodeToken(xml.CopyToken(tok)); err != nil {
			return err
		}
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	s.raw, s.set = b.Bytes(), true
	return nil
}

var elementSlotType = reflect.TypeFor[elementSlot]()

// xmlCodec returns the UnmarshalXML method registered for the type of
// shape s, if s names one that has one.
func xmlCodec(s *shape) func(any, *xml.Decoder, xml.StartElement) error {
	if s == nil || s.kind != named {
		return nil
	}
	if c := s.codec(); c != nil {
		return c.unmarshalXML
	}
	return nil
}

// unmarshalElement gives the element raw to method, with a Decoder of its
// own, as xml gives it the element it decodes.
func unmarshalElement(method func(any, *xml.Decoder, xml.StartElement) error, p any, raw []byte) error {
	d := xml.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		if start, ok := tok.(xml.StartElement); ok {
			return method(p, d, start)
		}
	}
}
