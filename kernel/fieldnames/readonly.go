package fieldnames

import (
	"reflect"
	"unsafe"
)

// ValueField is v.Field(i), read-only where the notebook declared the
// field unexported:
//
//	type person struct{ Name string; age int }
//	v := reflect.ValueOf(&p).Elem()
//	v.Field(1).CanSet()        false, as in Go
//	v.Field(1).Interface()     panics, as in Go
//
// The interpreter exports every field (age is Xage), so reflect let a
// cell set an unexported field, and hand out its value, where Go's
// reflect refuses both ("cannot return value obtained from unexported
// field or method"). The Value is given the flag reflect gives a field
// it reaches through an unexported one.
func ValueField(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	return readOnly(f, v.Type(), v.Type().Field(i))
}

// ValueFieldByIndex is v.FieldByIndex(index), read-only as ValueField.
func ValueFieldByIndex(v reflect.Value, index []int) reflect.Value {
	return FieldByIndexWith(v, index, ValueField)
}

// FieldByIndexWith is v.FieldByIndex(index), each step taken by field
// (ValueField, or a hook that also knows the field's named type).
func FieldByIndexWith(v reflect.Value, index []int, field func(reflect.Value, int) reflect.Value) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				panic("reflect: indirection through nil pointer to embedded struct")
			}
			v = v.Elem()
		}
		v = field(v, x)
	}
	return v
}

// ValueFieldByName is v.FieldByName(name) for the name the notebook
// declared (age, not Xage), read-only as ValueField.
func ValueFieldByName(v reflect.Value, name string) reflect.Value {
	return FieldByNameWith(v, name, ValueField)
}

// FieldByNameWith is v.FieldByName(name) for the name the notebook
// declared, each step taken by field.
func FieldByNameWith(v reflect.Value, name string, field func(reflect.Value, int) reflect.Value) reflect.Value {
	if v.Kind() != reflect.Struct {
		return v.FieldByName(name) // (its panic)
	}
	f, ok := FieldByName(v.Type(), name)
	if !ok {
		return reflect.Value{}
	}
	return FieldByIndexWith(v, f.Index, field)
}

// readOnly returns field value f of the field sf, with the flag of a
// value reached through an unexported field if the notebook declared sf
// so.
func readOnly(f reflect.Value, t reflect.Type, sf reflect.StructField) reflect.Value {
	d := declaredFieldIn(t, sf)
	if d.IsExported() || !roFlags.ok {
		return f
	}
	flag := roFlags.sticky
	if d.Anonymous {
		flag = roFlags.embed
	}
	(*valueHeader)(unsafe.Pointer(&f)).flag |= flag
	return f
}

// valueHeader is reflect.Value's layout: its type, its pointer and its
// flags, which say among other things whether it was reached through an
// unexported field (flagStickyRO, flagEmbedRO in reflect's value.go).
type valueHeader struct {
	typ  unsafe.Pointer
	ptr  unsafe.Pointer
	flag uintptr
}

// roFlags are reflect's flags of a value reached through an unexported
// field, learnt from reflect itself: ok is false if reflect's Value is
// not laid out as valueHeader says, and values are then left settable.
var roFlags = func() (flags struct {
	sticky, embed uintptr
	ok            bool
}) {
	if unsafe.Sizeof(reflect.Value{}) != unsafe.Sizeof(valueHeader{}) {
		return flags
	}
	type inner struct{ X int }
	type probe struct {
		inner
		x int
	}
	v := reflect.ValueOf(&probe{}).Elem()
	const kind = 1<<5 - 1 // (the low bits hold the Kind)
	settable := (*valueHeader)(unsafe.Pointer(&v)).flag | kind
	embedded, unexported := v.Field(0), v.Field(1)
	flags.embed = (*valueHeader)(unsafe.Pointer(&embedded)).flag &^ settable
	flags.sticky = (*valueHeader)(unsafe.Pointer(&unexported)).flag &^ settable
	// Each is one bit that makes a settable value read-only.
	for _, bit := range []uintptr{flags.embed, flags.sticky} {
		w := reflect.ValueOf(new(int)).Elem()
		(*valueHeader)(unsafe.Pointer(&w)).flag |= bit
		if bit == 0 || bit&(bit-1) != 0 || w.CanSet() || w.CanInterface() {
			return flags
		}
	}
	flags.ok = flags.embed != flags.sticky
	return flags
}()
