package evaluator

import (
	"fmt"
	"reflect"
)

// relayout converts src to the type *dst has, storing it there: a value of
// a struct type, or a pointer to one, whose reflect type is laid out as
// src's is but is another (program's compileddefined.go):
//
//	type stamp time.Time
//	s := stamp(time.Now())      // s's reflect type is the interpreter's struct
//	t := (*time.Time)(&s)       // t points to s
//
// Go converts between the two, as they have one underlying type, but the
// interpreter's struct of stamp has fields of its own names, so reflect
// does not. A value is copied; a pointer is made to point to the same
// memory, as Go's conversion does.
func relayout(dst, src any) {
	d := reflect.ValueOf(dst).Elem()
	s := reflect.ValueOf(src)
	if !s.IsValid() {
		d.SetZero() // a nil pointer
		return
	}
	from, to := s.Type(), d.Type()
	if from.Kind() == reflect.Pointer && to.Kind() == reflect.Pointer {
		if !sameLayout(from.Elem(), to.Elem()) {
			panic(fmt.Sprintf("goconc cannot convert %v to %v: the interpreter laid them out differently", from, to))
		}
		if s.IsNil() {
			d.SetZero()
			return
		}
		d.Set(reflect.NewAt(to.Elem(), s.UnsafePointer()))
		return
	}
	if !sameLayout(from, to) {
		panic(fmt.Sprintf("goconc cannot convert %v to %v: the interpreter laid them out differently", from, to))
	}
	reflect.NewAt(from, d.Addr().UnsafePointer()).Elem().Set(s)
}

// sameLayout reports whether a value of type a can be read as one of type
// b: the same size, with the same kinds at the same offsets, so pointers
// where pointers are (a pointer of one may be an unsafe.Pointer of the
// other: a field of a type that holds itself).
func sameLayout(a, b reflect.Type) bool {
	if a == b || pointerShaped(a.Kind()) && pointerShaped(b.Kind()) {
		return true
	}
	if a.Kind() != b.Kind() || a.Size() != b.Size() {
		return false
	}
	switch a.Kind() {
	case reflect.Struct:
		if a.NumField() != b.NumField() {
			return false
		}
		for i := range a.NumField() {
			fa, fb := a.Field(i), b.Field(i)
			if fa.Offset != fb.Offset || !sameLayout(fa.Type, fb.Type) {
				return false
			}
		}
	case reflect.Array:
		return a.Len() == b.Len() && sameLayout(a.Elem(), b.Elem())
	case reflect.Interface:
		// An empty interface holds a type where one with methods holds
		// a table of them.
		return (a.NumMethod() == 0) == (b.NumMethod() == 0)
	}
	return true
}

// pointerShaped reports whether a value of kind k is one pointer.
func pointerShaped(k reflect.Kind) bool {
	switch k {
	case reflect.Pointer, reflect.UnsafePointer, reflect.Func, reflect.Map, reflect.Chan:
		return true
	}
	return false
}
