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
// of each type gob.Register is given, which the boxes are made from. The
// same copy has a binarySlot in the place of each value of the notebook's
// struct types with an UnmarshalBinary method, which gob gives the bytes
// Go's would give the method, and DecodeGob then gives them to it.

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
// notebook's interfaces, or values with an UnmarshalBinary method: gob
// decodes into a copy with an any in each interface's place, which is
// copied back, each value in a box (boxOf), and a slot in each such
// value's place, whose bytes go to the method. A value of a type no box
// was kept for (KeptBoxes, or seen by reflect) is an error saying so, and
// a method's error is returned as gob returns it.
func DecodeGob(dec *gob.Decoder, p any) (err error) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return dec.Decode(p)
	}
	m, ok := boxlessType(v.Type().Elem(), true)
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

// boxless holds the types boxlessType made: boxlessKey -> reflect.Type.
var boxless sync.Map

// boxlessType returns t with an any in place of each box in it, and a
// binarySlot in place of each value of a type with an UnmarshalBinary
// method, to decode, or a binaryEncoded in place of each of one with a
// MarshalBinary method, to encode; false if reflect cannot make it
// (mirrorOf).
func boxlessType(t reflect.Type, decode bool) (reflect.Type, bool) {
	key := boxlessKey{t, decode}
	if m, ok := boxless.Load(key); ok {
		return m.(reflect.Type), true
	}
	m, ok := mirrorOf(t, nil, func(t reflect.Type, _ *shape) (reflect.Type, bool) {
		switch {
		case isBox(t):
			return reflect.TypeFor[any](), true
		case decode && binaryDecoder(t) != nil:
			return binarySlotType, true
		case !decode && binaryEncodes(t):
			return binaryEncodedType, true
		}
		return nil, false
	}, map[reflect.Type]bool{})
	if ok {
		boxless.Store(key, m)
	}
	return m, ok
}

type boxlessKey struct {
	t      reflect.Type
	decode bool
}

// mirrorOf returns t, of shape s, with the parts leaf replaces replaced,
// in its pointers, slices, arrays, maps and struct fields; false if t
// holds itself (reflect cannot make such a type), or a struct with an
// unexported field must be made anew (StructOf cannot).
func mirrorOf(t reflect.Type, s *shape, leaf func(reflect.Type, *shape) (reflect.Type, bool), making map[reflect.Type]bool) (reflect.Type, bool) {
	if m, ok := leaf(t, s); ok {
		return m, true
	}
	if s != nil && s.kind == named {
		s = s.elem
	}
	if making[t] {
		return nil, false
	}
	making[t] = true
	defer delete(making, t)
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		kind := pointer
		if t.Kind() != reflect.Pointer {
			kind = sequence
		}
		e, ok := mirrorOf(t.Elem(), s.inner(kind), leaf, making)
		switch {
		case !ok:
			return nil, false
		case e == t.Elem():
		case t.Kind() == reflect.Pointer:
			return reflect.PointerTo(e), true
		case t.Kind() == reflect.Slice:
			return reflect.SliceOf(e), true
		default:
			return reflect.ArrayOf(t.Len(), e), true
		}
	case reflect.Map:
		k, ok1 := mirrorOf(t.Key(), s.mapKey(), leaf, making)
		e, ok2 := mirrorOf(t.Elem(), s.inner(mapping), leaf, making)
		if !ok1 || !ok2 {
			return nil, false
		}
		if k != t.Key() || e != t.Elem() {
			return reflect.MapOf(k, e), true
		}
	case reflect.Struct:
		if t.Name() != "" {
			break // a compiled type: nothing of the notebook's in it
		}
		shapes := s.fieldShapes(t)
		sf := make([]reflect.StructField, t.NumField())
		changed, unexported := false, false
		for i := range sf {
			sf[i] = t.Field(i)
			var fs *shape
			if i < len(shapes) {
				fs = shapes[i]
			}
			ft, ok := mirrorOf(sf[i].Type, fs, leaf, making)
			if !ok {
				return nil, false
			}
			changed = changed || ft != sf[i].Type
			unexported = unexported || !sf[i].IsExported()
			sf[i].Type, sf[i].Index, sf[i].Offset = ft, nil, 0
		}
		if changed && unexported {
			return nil, false
		}
		if changed {
			return reflect.StructOf(sf), true
		}
	}
	return t, true
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

// binaryEncodes reports whether struct type t has a registered
// MarshalBinary method.
func binaryEncodes(t reflect.Type) bool {
	c, ok := byType.Load(t)
	if !ok {
		return false
	}
	_, ok = c.(*codec).marshal["binary"]
	return ok
}

var binaryEncodedType = reflect.TypeFor[binaryEncoded]()

// binaryDecoder returns the UnmarshalBinary method registered for struct
// type t, if it has one.
func binaryDecoder(t reflect.Type) func(p any, b []byte) error {
	if c, ok := byType.Load(t); ok {
		return c.(*codec).unmarshal["binary"]
	}
	return nil
}

// toBoxless copies src into dst, of src's boxlessType: a box's value
// into an any, a value with a MarshalBinary method as what it returns.
func toBoxless(dst, src reflect.Value) {
	toMirror(dst, src, func(dst, src reflect.Value) bool {
		switch {
		case dst.Type() == binarySlotType:
		case dst.Type() == binaryEncodedType:
			if e, ok := encoded(src, nil, "binary"); ok {
				dst.Set(e)
			}
		case isBox(src.Type()):
			keepBox(src)
			if u := Unboxed(src); u.IsValid() && u.CanInterface() {
				dst.Set(reflect.ValueOf(u.Interface()))
			}
		default:
			return false
		}
		return true
	})
}

// toMirror copies src into dst, of a type made of src's with parts
// replaced (boxlessType's, slotted's), part by part; where the two types
// differ, leaf copies the part, or reports that it is not one of those
// replaced.
func toMirror(dst, src reflect.Value, leaf func(dst, src reflect.Value) bool) {
	switch {
	case dst.Type() == src.Type():
		dst.Set(src)
	case leaf(dst, src):
	case src.Kind() == reflect.Pointer:
		if !src.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
			toMirror(dst.Elem(), src.Elem(), leaf)
		}
	case src.Kind() == reflect.Slice:
		if !src.IsNil() {
			dst.Set(reflect.MakeSlice(dst.Type(), src.Len(), src.Len()))
			for i := range src.Len() {
				toMirror(dst.Index(i), src.Index(i), leaf)
			}
		}
	case src.Kind() == reflect.Array:
		for i := range src.Len() {
			toMirror(dst.Index(i), src.Index(i), leaf)
		}
	case src.Kind() == reflect.Map:
		if !src.IsNil() {
			dst.Set(reflect.MakeMapWithSize(dst.Type(), src.Len()))
			for it := src.MapRange(); it.Next(); {
				k, e := reflect.New(dst.Type().Key()).Elem(), reflect.New(dst.Type().Elem()).Elem()
				toMirror(k, it.Key(), leaf)
				toMirror(e, it.Value(), leaf)
				dst.SetMapIndex(k, e)
			}
		}
	case src.Kind() == reflect.Struct:
		for i := range src.NumField() {
			toMirror(dst.Field(i), src.Field(i), leaf)
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
