package fieldnames

import (
	"cmp"
	"encoding/gob"
	"fmt"
	"reflect"
	"sync"
)

// EncodeGob is enc.Encode(v) without the fields the notebook declared
// unexported. The interpreter exports them (age is Xage), so gob encoded
// them, where Go's gob leaves them out: a value decoded from the stream
// kept what Go's would not; and a struct with no exported field, which
// Go's gob refuses, was encoded. A copy of v is encoded where a struct of
// the notebook has such fields. A value inside an interface, and a type
// that holds itself, go as they are; but the notebook's interfaces, the
// interpreter's boxes to reflect, go as interfaces (Plain), which gob
// encodes by the registered name of the type of the value in each (a
// []Shape field was a "type not registered for interface: []interface
// {}" error, and a nil one "type interp.valueInterface has no exported
// fields").
func EncodeGob(enc *gob.Encoder, v any) error {
	v = plainer{seen: map[uintptr]reflect.Value{}, boxless: true}.of(v, nil)
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return enc.Encode(v)
	}
	m, ok := gobMirror(rv.Type(), map[reflect.Type]bool{})
	if !ok || m.mirror == rv.Type() {
		return enc.Encode(v)
	}
	if m.unexported != nil {
		name, ok := StructName(m.unexported)
		if !ok {
			name = m.unexported.String()
		}
		return fmt.Errorf("gob: type %s has no exported fields", name)
	}
	out := reflect.New(m.mirror).Elem()
	gobCopy(out, rv)
	return enc.Encode(out.Interface())
}

// gobType is the type gob is given for a type of the notebook's.
type gobType struct {
	mirror     reflect.Type // without the unexported fields
	unexported reflect.Type // a struct type in it whose fields are all unexported, or nil
}

// gobMirrors are the types gobMirror made, by the type they mirror (a
// type itself when it has no field to leave out).
var gobMirrors sync.Map // reflect.Type -> gobType

// gobMirror returns t without the fields the notebook declared unexported,
// in its structs and in what they hold but interfaces; false if t holds
// itself (reflect cannot make such a type).
func gobMirror(t reflect.Type, making map[reflect.Type]bool) (gobType, bool) {
	if m, ok := gobMirrors.Load(t); ok {
		return m.(gobType), true
	}
	if making[t] {
		return gobType{}, false
	}
	making[t] = true
	defer delete(making, t)
	m := gobType{mirror: t}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		e, ok := gobMirror(t.Elem(), making)
		if !ok {
			return gobType{}, false
		}
		m.unexported = e.unexported
		if e.mirror != t.Elem() {
			switch t.Kind() {
			case reflect.Pointer:
				m.mirror = reflect.PointerTo(e.mirror)
			case reflect.Slice:
				m.mirror = reflect.SliceOf(e.mirror)
			default:
				m.mirror = reflect.ArrayOf(t.Len(), e.mirror)
			}
		}
	case reflect.Map:
		k, ok1 := gobMirror(t.Key(), making)
		e, ok2 := gobMirror(t.Elem(), making)
		if !ok1 || !ok2 {
			return gobType{}, false
		}
		m.unexported = cmp.Or(k.unexported, e.unexported)
		if k.mirror != t.Key() || e.mirror != t.Elem() {
			m.mirror = reflect.MapOf(k.mirror, e.mirror)
		}
	case reflect.Struct:
		if t.Name() != "" {
			break // a compiled type (time.Time): gob encodes it as Go does
		}
		var kept []reflect.StructField
		changed := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if renamed(f) {
				changed = true
				continue
			}
			ft, ok := gobMirror(f.Type, making)
			if !ok {
				return gobType{}, false
			}
			m.unexported = cmp.Or(m.unexported, ft.unexported)
			changed = changed || ft.mirror != f.Type
			f.Type, f.Index, f.Offset = ft.mirror, nil, 0
			kept = append(kept, f)
		}
		if changed {
			m.mirror = reflect.StructOf(kept)
		}
		if len(kept) == 0 && t.NumField() > 0 && m.unexported == nil {
			m.unexported = t
		}
	}
	gobMirrors.Store(t, m)
	return m, true
}

// gobCopy copies src into dst, of src's gobMirror type.
func gobCopy(dst, src reflect.Value) {
	if dst.Type() == src.Type() {
		dst.Set(src)
		return
	}
	switch src.Kind() {
	case reflect.Pointer:
		if !src.IsNil() {
			p := reflect.New(dst.Type().Elem())
			gobCopy(p.Elem(), src.Elem())
			dst.Set(p)
		}
	case reflect.Slice:
		if !src.IsNil() {
			s := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
			for i := 0; i < src.Len(); i++ {
				gobCopy(s.Index(i), src.Index(i))
			}
			dst.Set(s)
		}
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			gobCopy(dst.Index(i), src.Index(i))
		}
	case reflect.Map:
		if !src.IsNil() {
			m := reflect.MakeMapWithSize(dst.Type(), src.Len())
			for it := src.MapRange(); it.Next(); {
				k, e := reflect.New(dst.Type().Key()).Elem(), reflect.New(dst.Type().Elem()).Elem()
				gobCopy(k, it.Key())
				gobCopy(e, it.Value())
				m.SetMapIndex(k, e)
			}
			dst.Set(m)
		}
	case reflect.Struct:
		j := 0
		for i := 0; i < src.NumField(); i++ {
			if renamed(src.Type().Field(i)) {
				continue
			}
			gobCopy(dst.Field(j), src.Field(i))
			j++
		}
	}
}
