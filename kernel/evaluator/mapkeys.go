package evaluator

import (
	"reflect"
	"sync"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// The interpreter's box of a value in an interface holds where the value
// is stored, so two boxes of equal values are different keys of a map with
// interface keys: after m[MyInt(1)] = 1, m[MyInt(1)] found nothing.
// program's mapkeys.go passes every key of such a map through MapKey,
// which hands out one box for each type and value: the first one used.

// mapKeys holds the boxes handed out.
type mapKeys struct {
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
// array holding boxes, by the first one holding the same). A value whose
// type Go cannot hash panics as Go's map does.
func (k *mapKeys) canonical(p any) {
	slot := reflect.ValueOf(p)
	if slot.Kind() != reflect.Pointer || slot.IsNil() {
		return
	}
	slot = slot.Elem()
	box := slot
	if box.Kind() == reflect.Interface {
		box = box.Elem()
	}
	name := fieldnames.BoxName(box)
	if name == "" {
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
	k.intern(boxKey{name, v.Interface()}, slot, box)
}

// intern sets slot to the value stored for key, or stores a copy of v (the
// value in slot, or the box in it) for key.
func (k *mapKeys) intern(key boxKey, slot, v reflect.Value) {
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
