package evaluator

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// The interpreter's box of a value in an interface holds where the value
// is stored, so two boxes of equal values are different keys of a map with
// interface keys: after m[MyInt(1)] = 1, m[MyInt(1)] found nothing.
// program's mapkeys.go passes every key of such a map through MapKey,
// which hands out one box for each type and value: the first one used.
// The same boxes come back to the cell from compiled code that keeps the
// notebook's values (Keep, Unkeep; program's keepvalues.go).

// boxTable holds the boxes handed out, one per type and value.
type boxTable struct {
	mu    sync.Mutex
	boxes map[boxKey]reflect.Value
}

// boxKey is a box's type name and the value in it.
type boxKey struct {
	name  string
	value any
}

// canonical is the MapKey hook: p points to a key; if it holds a box, the
// box is replaced by the first one of its type and value (a struct or an
// array holding boxes, by the first one holding the same). A key of an
// interface type the notebook declares is Yaegi's box itself, which
// compares where it was made (two boxes of time.Second were two keys): it
// is replaced by a box of its own of the innermost box's node and a copy
// of its value, the first one of that type and value. A value whose type
// Go cannot hash panics as Go's map does.
func (k *boxTable) canonical(p any) {
	slot := reflect.ValueOf(p)
	if slot.Kind() != reflect.Pointer || slot.IsNil() {
		return
	}
	slot = slot.Elem()
	if name, own, v, ok := interfaceBox(slot); ok {
		if v.IsValid() && v.CanInterface() {
			if !v.Type().Comparable() {
				panic(runtimeError("runtime error: hash of unhashable type " + dynamicTypeName(v.Interface())))
			}
			slot.Set(own)
			k.intern(boxKey{"\x00" + name, fieldnames.Comparable(v.Interface())}, slot, own)
		}
		return
	}
	box := slot
	if box.Kind() == reflect.Interface {
		box = box.Elem()
	}
	if box.IsValid() && fieldnames.IsWrapper(box.Type()) {
		// The interpreter's wrapper of a value of the notebook's in a
		// compiled interface (map[error]int{ErrNotFound: 404}) holds
		// its methods as functions, which Go's map cannot hash: say so,
		// rather than as Go's runtime would of a type of its own.
		panic(fmt.Sprintf("goconc cannot use a value of the notebook's types as a key of a map with %s keys: its interpreter hands the value over in a wrapper that cannot be hashed; key the map by the value's own type, or by its %s",
			slot.Type(), wrapperMethods(box.Type())))
	}
	name := fieldnames.BoxName(box)
	if goName, registered := unboxedNotebookValue(box, name); registered {
		// A value of one of the notebook's struct types, or a pointer
		// to one, that the interpreter passed on without its box
		// (any(u)): the same key as its box, by its type's name.
		if !box.Type().Comparable() {
			panic(runtimeError("runtime error: hash of unhashable type " + goName))
		}
		k.intern(boxKey{goName, keyValue(box)}, slot, box)
		return
	}
	if name == "" {
		if w, ok := heldWrapper(box, 0); ok {
			// A struct key with a field of a compiled interface type
			// holding a value of the notebook's (struct{ v int; err
			// error }): the same wrapper, which Go's map cannot hash.
			panic(fmt.Sprintf("goconc cannot use a value of the notebook's types in a key of a map: its interpreter hands the value over in a wrapper that cannot be hashed, in a field of type %s; key the map by the value's own type, or by its %s",
				w.field, wrapperMethods(w.typ)))
		}
		if kind := box.Kind(); (kind == reflect.Struct || kind == reflect.Array) && slot.CanInterface() {
			k.intern(boxKey{value: fieldnames.Comparable(slot.Interface())}, slot, slot)
		}
		return
	}
	v := fieldnames.Unboxed(box)
	if !v.IsValid() || !v.CanInterface() {
		return
	}
	if !v.Type().Comparable() {
		panic(runtimeError("runtime error: hash of unhashable type " + name))
	}
	k.intern(boxKey{name, keyValue(v)}, slot, box)
}

// unboxedNotebookValue returns the name of the type of box, a value
// without a box (name is ""), if it is one of the notebook's struct types
// or a pointer to one, which the registry names by its reflect type.
func unboxedNotebookValue(box reflect.Value, name string) (string, bool) {
	if name != "" || !box.IsValid() || !box.CanInterface() {
		return "", false
	}
	if k := box.Kind(); k != reflect.Struct && k != reflect.Pointer {
		return "", false
	}
	return namedIn(box.Type())
}

// keyValue is what a boxKey holds of v: a struct or an array with each
// box in it replaced by its type's name and value (two boxes of equal
// values differ: a box holds where its value is stored).
func keyValue(v reflect.Value) any {
	if k := v.Kind(); k == reflect.Struct || k == reflect.Array {
		return fieldnames.Comparable(v.Interface())
	}
	return v.Interface()
}

// wrapperField is a wrapper found in a key: the type of the field or
// element holding it, and the wrapper's type.
type wrapperField struct {
	field reflect.Type
	typ   reflect.Type
}

// heldWrapper finds the interpreter's wrapper of a notebook value in an
// interface field or element of v, a struct or an array.
func heldWrapper(v reflect.Value, depth int) (wrapperField, bool) {
	if !v.IsValid() || depth > 8 {
		return wrapperField{}, false
	}
	var parts []reflect.Value
	switch v.Kind() {
	case reflect.Struct:
		if fieldnames.IsWrapper(v.Type()) {
			return wrapperField{}, false
		}
		for i := range v.NumField() {
			parts = append(parts, v.Field(i))
		}
	case reflect.Array:
		for i := range v.Len() {
			parts = append(parts, v.Index(i))
		}
	}
	for _, p := range parts {
		if p.Kind() == reflect.Interface && !p.IsNil() {
			if e := p.Elem(); e.Kind() == reflect.Struct && fieldnames.IsWrapper(e.Type()) {
				return wrapperField{p.Type(), e.Type()}, true
			}
			continue
		}
		if w, ok := heldWrapper(p, depth+1); ok {
			return w, true
		}
	}
	return wrapperField{}, false
}

// wrapperMethods names the methods of a wrapper type, as calls: Error().
func wrapperMethods(t reflect.Type) string {
	var names []string
	for i := 1; i < t.NumField(); i++ {
		names = append(names, strings.TrimPrefix(t.Field(i).Name, "W")+"()")
	}
	return strings.Join(names, " or ")
}

// intern sets slot to the value stored for key, or stores a copy of v (the
// value in slot, or the box in it) for key.
func (k *boxTable) intern(key boxKey, slot, v reflect.Value) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if c, ok := k.boxes[key]; ok {
		slot.Set(c)
		return
	}
	if k.boxes == nil {
		k.boxes = map[boxKey]reflect.Value{}
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	k.boxes[key] = c
}

// keep is the Keep hook: the value in xs[0] as compiled code that stores
// it (a context's values, a sync.Map) should hold it. The interpreter
// hands compiled code a value of the notebook's without its box, so it
// came back a value of its underlying type (a RequestID a string), and a
// key of type ctxKey equalled a string key. A boxed value is kept as a
// fieldnames.Boxed, its type's name and value, which compare as Go's
// would; the box is remembered for unkeep.
func (k *boxTable) keep(xs []any) any {
	if len(xs) != 1 {
		return nil
	}
	box := reflect.ValueOf(xs[0])
	name := fieldnames.BoxName(box)
	v := fieldnames.Unboxed(box)
	if name == "" && box.IsValid() && (box.Kind() == reflect.Struct || box.Kind() == reflect.Pointer) {
		if goName, registered := namedIn(box.Type()); registered {
			// A struct of the notebook's, or a pointer to one: kept as
			// it is, named, for a context's String (Go's writes
			// WithValue(main.userKey, ...), the interpreter's type
			// spelled struct { Xid int ... }).
			return fieldnames.Boxed{Type: goName, Value: xs[0]}
		}
	}
	if name == "" || !v.IsValid() || !v.CanInterface() {
		return xs[0]
	}
	kept := fieldnames.Boxed{Type: name, Value: v.Interface()}
	if v.Type().Comparable() {
		func() {
			defer func() { _ = recover() }() // (an interface inside holding what cannot be hashed)
			k.intern(boxKey{name, kept.Value}, reflect.New(box.Type()).Elem(), box)
		}()
	}
	return kept
}

// unkeep is the Unkeep hook: it sets *p to x, and to the box of a value
// keep kept.
func (k *boxTable) unkeep(p, x any) {
	slot := reflect.ValueOf(p)
	if slot.Kind() != reflect.Pointer || slot.IsNil() {
		return
	}
	slot = slot.Elem()
	kept, ok := x.(fieldnames.Boxed)
	if !ok {
		if x == nil {
			slot.Set(reflect.Zero(slot.Type()))
		} else {
			slot.Set(reflect.ValueOf(x))
		}
		return
	}
	if c, ok := k.kept(kept); ok {
		slot.Set(c)
		return
	}
	slot.Set(reflect.ValueOf(kept.Value))
}

// kept returns the box keep remembered for a kept value.
func (k *boxTable) kept(b fieldnames.Boxed) (c reflect.Value, ok bool) {
	defer func() {
		if recover() != nil { // (a value that cannot be hashed: never remembered)
			ok = false
		}
	}()
	k.mu.Lock()
	defer k.mu.Unlock()
	c, ok = k.boxes[boxKey{b.Type, b.Value}]
	return c, ok
}
