package evaluator

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// Yaegi v0.16.1 keeps a value in an interface the notebook declares in a
// box of its own (interp.valueInterface): the node of the syntax tree
// that converted it, whose type names the value's type, and the value as
// a reflect.Value. goconc reads and makes such boxes where Yaegi's own
// are wrong: a compiled value asserted to the interface (compiledas.go),
// a key of a map with such keys (boxes.go). The box's fields are not
// exported; their offsets are looked up by name, once.

// boxLayout says where Yaegi's box keeps what goconc reads and changes:
// the box's node and value, the node's type, the type's reflect type, name
// and the type it wraps. ok is false if this Yaegi's box is not laid out
// so (TestRetype fails then).
type boxLayout struct {
	node, value     uintptr // in the box
	typ             uintptr // in the node
	rtype, str, val uintptr // in the type
	nodeT, typT     reflect.Type
	ok              bool
}

var (
	boxLayoutOnce sync.Once
	boxAt         boxLayout
)

// layoutOf returns the layout of Yaegi's box, of type box, once.
func layoutOf(box reflect.Type) boxLayout {
	boxLayoutOnce.Do(func() { boxAt = findLayout(box) })
	return boxAt
}

func findLayout(box reflect.Type) (l boxLayout) {
	node, ok1 := box.FieldByName("node")
	value, ok2 := box.FieldByName("value")
	if !ok1 || !ok2 || node.Type.Kind() != reflect.Pointer || value.Type != reflect.TypeOf(reflect.Value{}) {
		return l
	}
	typ, ok3 := node.Type.Elem().FieldByName("typ")
	if !ok3 || typ.Type.Kind() != reflect.Pointer {
		return l
	}
	rtype, ok4 := typ.Type.Elem().FieldByName("rtype")
	str, ok5 := typ.Type.Elem().FieldByName("str")
	val, ok6 := typ.Type.Elem().FieldByName("val")
	if !ok4 || !ok5 || !ok6 || val.Type != typ.Type || rtype.Type != reflect.TypeOf((*reflect.Type)(nil)).Elem() || str.Type.Kind() != reflect.String {
		return l
	}
	return boxLayout{node: node.Offset, value: value.Offset, typ: typ.Offset, rtype: rtype.Offset, str: str.Offset, val: val.Offset,
		nodeT: node.Type.Elem(), typT: typ.Type.Elem(), ok: true}
}

// interfaceBox reports whether v is Yaegi's box of a value in one of the
// notebook's interfaces. It returns the innermost box (Yaegi boxes a box
// that a call returned, as a reflect.Value of the caller's memory, which
// the next call overwrites), as a box of its own: its node, and a copy
// of its value; the value is invalid for a nil interface. name is the
// name of the type the box gives a value of the interpreter's types
// (whose reflect types are the same for two notebook types of one
// structure), "" for a value of a compiled type.
func interfaceBox(v reflect.Value) (name string, own, value reflect.Value, ok bool) {
	t := v.Type()
	if t.Kind() != reflect.Struct || t.Name() != "valueInterface" || !strings.HasPrefix(t.PkgPath(), "github.com/traefik/yaegi") {
		return "", reflect.Value{}, reflect.Value{}, false
	}
	if !layoutOf(t).ok || !v.CanAddr() {
		return "", reflect.Value{}, reflect.Value{}, false
	}
	for {
		box := v.Addr().UnsafePointer()
		node := *(*unsafe.Pointer)(unsafe.Add(box, boxAt.node))
		value := *(*reflect.Value)(unsafe.Add(box, boxAt.value))
		if value.Kind() == reflect.Interface {
			value = value.Elem()
		}
		if !value.IsValid() || node == nil {
			return "", reflect.Value{}, reflect.Value{}, true
		}
		if value.Type() == t {
			v = reflect.New(t).Elem()
			v.Set(value)
			continue
		}
		if !compiledType(value.Type()) {
			typ := *(*unsafe.Pointer)(unsafe.Add(node, boxAt.typ))
			name = *(*string)(unsafe.Add(typ, boxAt.str))
		}
		c := reflect.New(value.Type()).Elem()
		c.Set(value)
		own = reflect.New(t).Elem()
		*(*unsafe.Pointer)(unsafe.Add(own.Addr().UnsafePointer(), boxAt.node)) = node
		*(*reflect.Value)(unsafe.Add(own.Addr().UnsafePointer(), boxAt.value)) = c
		return name, own, c, true
	}
}
