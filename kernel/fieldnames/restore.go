package fieldnames

import (
	"reflect"
	"sync"
)

// restorable holds, for each copy's struct type whose fields PlainTemplate
// retyped (a Celsius, a float64 to reflect, made a value of a slot type
// with a String method, in a field of type any), the value's: a
// reflect.Type to a reflect.Type.
var restorable sync.Map

// Restore returns v, a PlainTemplate copy of a value of one of the
// notebook's struct types whose fields were retyped, as a value of that
// type, its fields converted back, if it can: a template calling the
// type's method has the copy, which has no methods (Shout of a Report
// with a Celsius field: "can't evaluate field Shout").
func Restore(v reflect.Value) (reflect.Value, bool) {
	o, ok := restorable.Load(v.Type())
	if !ok {
		return v, false
	}
	t := o.(reflect.Type)
	out := reflect.New(t).Elem()
	for i := range t.NumField() {
		f, ok := restoreTo(v.Field(i), t.Field(i).Type, 0)
		if !ok || !out.Field(i).CanSet() {
			return v, false
		}
		if f.IsValid() {
			out.Field(i).Set(f)
		}
	}
	return out, true
}

// restoreTo converts f, a part of a PlainTemplate copy, back to type
// want: an interface holding a value of a slot type or a copy, a copy,
// or a slice, an array, a map or a pointer of them. An invalid result
// with ok stands for want's zero value.
func restoreTo(f reflect.Value, want reflect.Type, depth int) (reflect.Value, bool) {
	if depth > 16 {
		return f, false
	}
	if f.Kind() == reflect.Interface && want.Kind() != reflect.Interface {
		if f.IsNil() {
			return reflect.Value{}, true
		}
		f = f.Elem()
	}
	if f.Type() == want {
		return f, true
	}
	switch {
	case f.Kind() == reflect.Struct:
		if r, ok := Restore(f); ok && r.Type() == want {
			return r, true
		}
	case f.Kind() == reflect.Pointer && want.Kind() == reflect.Pointer:
		if f.IsNil() {
			return reflect.Zero(want), true
		}
		e, ok := restoreTo(f.Elem(), want.Elem(), depth+1)
		if !ok {
			return f, false
		}
		p := reflect.New(want.Elem())
		if e.IsValid() {
			p.Elem().Set(e)
		}
		return p, true
	case f.Kind() == reflect.Slice && want.Kind() == reflect.Slice:
		if f.IsNil() {
			return reflect.Zero(want), true
		}
		return restoreElements(f, reflect.MakeSlice(want, f.Len(), f.Len()), depth)
	case f.Kind() == reflect.Array && want.Kind() == reflect.Array && f.Len() == want.Len():
		return restoreElements(f, reflect.New(want).Elem(), depth)
	case f.Kind() == reflect.Map && want.Kind() == reflect.Map:
		if f.IsNil() {
			return reflect.Zero(want), true
		}
		out := reflect.MakeMapWithSize(want, f.Len())
		for it := f.MapRange(); it.Next(); {
			k, ok1 := restoreTo(it.Key(), want.Key(), depth+1)
			e, ok2 := restoreTo(it.Value(), want.Elem(), depth+1)
			if !ok1 || !ok2 {
				return f, false
			}
			if !k.IsValid() {
				k = reflect.Zero(want.Key())
			}
			if !e.IsValid() {
				e = reflect.Zero(want.Elem())
			}
			out.SetMapIndex(k, e)
		}
		return out, true
	case f.Kind() == want.Kind() && f.Type().ConvertibleTo(want):
		return f.Convert(want), true
	}
	return f, false
}

// restoreElements converts the elements of the slice or array f back into
// out, of the same length, and returns out.
func restoreElements(f, out reflect.Value, depth int) (reflect.Value, bool) {
	for i := range f.Len() {
		e, ok := restoreTo(f.Index(i), out.Type().Elem(), depth+1)
		if !ok {
			return f, false
		}
		if e.IsValid() {
			out.Index(i).Set(e)
		}
	}
	return out, true
}
