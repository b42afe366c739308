package fieldnames

import (
	"encoding/gob"
	"fmt"
	"reflect"
	"sync"
)

// encoding/gob decodes a value of an interface type as a registered
// type's name and that type's value, which it stores in the interface.
// To reflect, the notebook's interfaces are the interpreter's box, a
// struct gob cannot set ("type mismatch in decoder: want struct type
// interp.valueInterface"). DecodeGob decodes into a type with an any in
// each box's place, then puts each value in a box; KeptBoxes keeps a box
// of each type gob.Register is given, which the boxes are made from.

// KeptBoxes keeps the box of boxes, a slice of one element of one of the
// notebook's interfaces, for boxOf, and returns the value in it: the
// program gives gob.Register its argument in such a slice (program's
// gobboxes.go), as a value registered can be decoded into an interface.
func KeptBoxes(boxes any) any {
	s := reflect.ValueOf(boxes)
	if s.Kind() != reflect.Slice || s.Len() != 1 || !isBox(s.Type().Elem()) {
		return boxes
	}
	b := s.Index(0)
	keepBox(b)
	if u := Unboxed(b); u.IsValid() && u.CanInterface() {
		return u.Interface()
	}
	return nil
}

// DecodeGob is dec.Decode(p), where the value p points to holds the
// notebook's interfaces: gob decodes into a copy with an any in each
// interface's place, which is copied back, each value in a box (boxOf).
// A value of a type no box was kept for (KeptBoxes, or seen by reflect)
// is an error saying so.
func DecodeGob(dec *gob.Decoder, p any) (err error) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return dec.Decode(p)
	}
	m, ok := boxlessType(v.Type().Elem(), map[reflect.Type]bool{})
	if !ok || m == v.Type().Elem() {
		return dec.Decode(p)
	}
	c := reflect.New(m)
	toBoxless(c.Elem(), v.Elem()) // (gob sets only what the stream holds)
	if err := dec.Decode(c.Interface()); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(binaryError); ok {
				err = e.err // (as gob returns the method's error)
				return
			}
			err = fmt.Errorf("gob: %v", r)
		}
	}()
	fromBoxless(v.Elem(), c.Elem())
	return nil
}

// binaryError is an error of an UnmarshalBinary method, on its way out of
// fromBoxless.
type binaryError struct{ err error }

// boxless holds the types boxlessType made: reflect.Type -> reflect.Type.
var boxless sync.Map

// boxlessType returns t with an any in place of each box in it, false
// if t holds itself (reflect cannot make such a type) or a struct
// StructOf cannot make.
func boxlessType(t reflect.Type, making map[reflect.Type]bool) (reflect.Type, bool) {
	if m, ok := boxless.Load(t); ok {
		return m.(reflect.Type), true
	}
	if isBox(t) {
		return reflect.TypeFor[any](), true
	}
	if binaryDecoder(t) != nil {
		return binarySlotType, true
	}
	if making[t] {
		return nil, false
	}
	making[t] = true
	defer delete(making, t)
	m := t
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		e, ok := boxlessType(t.Elem(), making)
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
	case reflect.Map:
		k, ok1 := boxlessType(t.Key(), making)
		e, ok2 := boxlessType(t.Elem(), making)
		if !ok1 || !ok2 {
			return nil, false
		}
		if k != t.Key() || e != t.Elem() {
			m = reflect.MapOf(k, e)
		}
	case reflect.Struct:
		if t.Name() != "" {
			break // a compiled type: it holds no box
		}
		sf := make([]reflect.StructField, t.NumField())
		changed := false
		for i := range sf {
			sf[i] = t.Field(i)
			ft, ok := boxlessType(sf[i].Type, making)
			if !ok || !sf[i].IsExported() {
				return nil, false
			}
			changed = changed || ft != sf[i].Type
			sf[i].Type, sf[i].Index, sf[i].Offset = ft, nil, 0
		}
		if changed {
			m = reflect.StructOf(sf)
		}
	}
	boxless.Store(t, m)
	return m, true
}

// binarySlot takes the bytes gob decodes for a value of one of the
// notebook's struct types with an UnmarshalBinary method, which gob calls
// where Go's would call the type's (fromBoxless does).
type binarySlot struct {
	b   []byte
	set bool
}

func (s *binarySlot) UnmarshalBinary(b []byte) error {
	s.b, s.set = append([]byte(nil), b...), true
	return nil
}

var binarySlotType = reflect.TypeFor[binarySlot]()

// binaryDecoder returns the UnmarshalBinary method registered for struct
// type t, if it has one.
func binaryDecoder(t reflect.Type) func(p any, b []byte) error {
	if c, ok := byType.Load(t); ok {
		return c.(*codec).unmarshal["binary"]
	}
	return nil
}

// toBoxless copies src into dst, of src's boxlessType: a box's value
// into an any.
func toBoxless(dst, src reflect.Value) {
	switch {
	case dst.Type() == src.Type():
		dst.Set(src)
	case dst.Type() == binarySlotType:
	case isBox(src.Type()):
		keepBox(src)
		if u := Unboxed(src); u.IsValid() && u.CanInterface() {
			dst.Set(reflect.ValueOf(u.Interface()))
		}
	case src.Kind() == reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
			toBoxless(dst.Elem(), src.Elem())
		}
	case src.Kind() == reflect.Slice:
		if !src.IsNil() {
			dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
			for i := range src.Len() {
				toBoxless(dst.Index(i), src.Index(i))
			}
		}
	case src.Kind() == reflect.Array:
		for i := range src.Len() {
			toBoxless(dst.Index(i), src.Index(i))
		}
	case src.Kind() == reflect.Map:
		if !src.IsNil() {
			dst.Set(reflect.MakeMapWithSize(dst.Type(), src.Len()))
			for it := src.MapRange(); it.Next(); {
				k, e := reflect.New(dst.Type().Key()).Elem(), reflect.New(dst.Type().Elem()).Elem()
				toBoxless(k, it.Key())
				toBoxless(e, it.Value())
				dst.SetMapIndex(k, e)
			}
		}
	case src.Kind() == reflect.Struct:
		for i := range src.NumField() {
			toBoxless(dst.Field(i), src.Field(i))
		}
	}
}

// fromBoxless copies src, of dst's boxlessType, into dst: an any's value
// into a box. A pointer in dst is written through, as gob writes through
// it.
func fromBoxless(dst, src reflect.Value) {
	switch {
	case dst.Type() == src.Type():
		dst.Set(src)
	case src.Type() == binarySlotType:
		if slot := src.Interface().(binarySlot); slot.set {
			if err := binaryDecoder(dst.Type())(dst.Addr().Interface(), slot.b); err != nil {
				panic(binaryError{err})
			}
		}
	case isBox(dst.Type()):
		dst.Set(boxOfNamed(src, dst.Type()))
	case src.Kind() == reflect.Pointer:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		fromBoxless(dst.Elem(), src.Elem())
	case src.Kind() == reflect.Slice:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
		for i := range src.Len() {
			fromBoxless(dst.Index(i), src.Index(i))
		}
	case src.Kind() == reflect.Array:
		for i := range src.Len() {
			fromBoxless(dst.Index(i), src.Index(i))
		}
	case src.Kind() == reflect.Map:
		if src.IsNil() {
			dst.SetZero()
			return
		}
		dst.Set(reflect.MakeMapWithSize(dst.Type(), src.Len()))
		for it := src.MapRange(); it.Next(); {
			k, e := reflect.New(dst.Type().Key()).Elem(), reflect.New(dst.Type().Elem()).Elem()
			fromBoxless(k, it.Key())
			fromBoxless(e, it.Value())
			dst.SetMapIndex(k, e)
		}
	case src.Kind() == reflect.Struct:
		for i := range src.NumField() {
			fromBoxless(dst.Field(i), src.Field(i))
		}
	}
}
