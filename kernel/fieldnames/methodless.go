package fieldnames

import (
	"reflect"
	"sync"
)

// A compiled struct type embedded in one of the notebook's after its first
// field,
//
//	type Shape struct { Z int; image.Point }
//
// is embedded in no struct type reflect.StructOf makes: StructOf embeds a
// type with methods only as the only or the first field, and one with
// unexported methods nowhere ("reflect: embedded type with methods not
// implemented if type is not first field"). json must see it embedded to
// promote its fields, as Go's writes {"Z":1,"X":2,"Y":3}. The copies
// json reads and decodes into embed instead a mirror of it: a struct of
// its layout and its fields, with no methods. (A codec method the
// embedded type has, json calls on the notebook's struct that promotes
// it: kernel/program registers it there.)

// methodlessTypes holds the mirrors made: a reflect.Type to a reflect.Type.
var methodlessTypes sync.Map

// methodless returns, for a named struct type t or a pointer to one, a
// struct type of t's layout that has t's exported fields, its embedded
// fields mirrored in turn, and none of its methods; its unexported fields
// are there under exported names json leaves out. Any other t is returned
// as it is.
func methodless(t reflect.Type) reflect.Type {
	if t.Kind() == reflect.Pointer {
		if e := methodless(t.Elem()); e != t.Elem() {
			return reflect.PointerTo(e)
		}
		return t
	}
	if t.Kind() != reflect.Struct || t.Name() == "" {
		return t
	}
	if m, ok := methodlessTypes.Load(t); ok {
		return m.(reflect.Type)
	}
	taken := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		taken[t.Field(i).Name] = true
	}
	sf := make([]reflect.StructField, t.NumField())
	for i := range sf {
		f := t.Field(i)
		f.Offset, f.Index = 0, nil
		if f.Anonymous {
			f.Type = methodless(f.Type)
		}
		if !f.IsExported() {
			name := "X" + f.Name
			for taken[name] {
				name = "X" + name
			}
			taken[name] = true
			f.Name, f.PkgPath = name, ""
			// An unexported embedded struct promotes its exported
			// fields to json, as Go's does; another unexported field
			// json leaves out.
			if !f.Anonymous || !structOrPointerTo(f.Type) {
				f.Tag, f.Anonymous = `json:"-"`, false
			}
		}
		sf[i] = f
	}
	m, _ := methodlessTypes.LoadOrStore(t, reflect.StructOf(sf))
	return m.(reflect.Type)
}

// structOrPointerTo reports whether t is a struct type or a pointer to one.
func structOrPointerTo(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct
}

// inMirror returns v (of a type methodless mirrors) as a value of its
// mirror m: the same bytes.
func inMirror(v reflect.Value, m reflect.Type) reflect.Value {
	c := reflect.New(m).Elem()
	reflect.NewAt(v.Type(), c.Addr().UnsafePointer()).Elem().Set(v)
	return c
}
