package fieldnames

import (
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
	m, ok := slotted(v.Type().Elem(), s.elem, map[reflect.Type]bool{})
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

// slotted returns t, of shape s, with a textSlot in place of each value of
// a type with an UnmarshalText method; false if t holds itself, or a
// struct StructOf cannot make.
func slotted(t reflect.Type, s *shape, making map[reflect.Type]bool) (reflect.Type, bool) {
	if textCodec(s) != nil {
		return textSlotType, true
	}
	if s != nil && s.kind == named {
		s = s.elem
	}
	if s == nil && t.Kind() != reflect.Struct {
		return t, true
	}
	key := slottedKey{t, s}
	if m, ok := slottedTypes.Load(key); ok {
		return m.(reflect.Type), true
	}
	if making[t] {
		return nil, false
	}
	making[t] = true
	defer delete(making, t)
	m := t
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		kind := pointer
		if t.Kind() != reflect.Pointer {
			kind = sequence
		}
		e, ok := slotted(t.Elem(), s.inner(kind), making)
		if !ok {
			return nil, false
		}
		if e != t.Elem() {
			switch t.Kind() {
			case reflect.Pointer:
				m = reflect.PointerTo(e)
			case reflect.Slice:
				m = reflect.SliceOf(e)
			default:
				m = reflect.ArrayOf(t.Len(), e)
			}
		}
	case reflect.Struct:
		shapes := s.fieldShapes(t)
		if len(shapes) != t.NumField() {
			break
		}
		sf := make([]reflect.StructField, t.NumField())
		changed := false
		for i := range sf {
			sf[i] = t.Field(i)
			ft, ok := slotted(sf[i].Type, shapes[i], making)
			if !ok {
				return nil, false
			}
			if ft != sf[i].Type && !sf[i].IsExported() {
				return nil, false
			}
			changed = changed || ft != sf[i].Type
			sf[i].Type, sf[i].Index, sf[i].Offset = ft, nil, 0
		}
		if changed {
			m = reflect.StructOf(sf)
		}
	}
	slottedTypes.Store(key, m)
	return m, true
}

// toSlotted copies src into dst, of src's slotted type, but the values
// the slots stand for.
func toSlotted(dst, src reflect.Value) {
	switch {
	case dst.Type() == src.Type():
		dst.Set(src)
	case dst.Type() == textSlotType:
	case src.Kind() == reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
			toSlotted(dst.Elem(), src.Elem())
		}
	case src.Kind() == reflect.Slice:
		if !src.IsNil() {
			dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
			for i := range src.Len() {
				toSlotted(dst.Index(i), src.Index(i))
			}
		}
	case src.Kind() == reflect.Array:
		for i := range src.Len() {
			toSlotted(dst.Index(i), src.Index(i))
		}
	case src.Kind() == reflect.Struct:
		for i := range src.NumField() {
			toSlotted(dst.Field(i), src.Field(i))
		}
	}
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
