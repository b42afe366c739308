package fieldnames

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"unsafe"

	"github.com/goconc/goconc/kernel/namedvalues"
)

// The notebook's interface types are, to reflect, the interpreter's box:
// a struct of the value's reflect.Value and of the syntax tree's node
// that knows its type. Go's reflect gives an element, a field or a
// pointer's target of an interface type as a Value of kind Interface.
// AsInterface makes one of a box, and SetValue sets the box through it.

// interfaceHolder holds the value of a Value AsInterface makes.
type interfaceHolder struct{ V any }

var (
	// settable are the boxes that the Values AsInterface made of
	// settable ones stand for, by the address of their holders.
	settable sync.Map // uintptr -> reflect.Value (an addressable box)
	// seenBoxes are, by the reflect type of the value in it (ownType's),
	// or by the Go name of its type (a named type that is not a struct),
	// a box seen holding such a value: its node knows the value's type
	// to the interpreter, which a box boxOf makes for such a value needs.
	seenBoxes sync.Map // reflect.Type or string -> reflect.Value (a box)
)

// AsInterface returns e, an element, a field or a pointer's target that
// reflect gave of one of the notebook's interface types, as Go's reflect
// gives it: a Value of kind Interface holding the value in it, or nil; a
// value of the notebook's named types that are not structs, which the box
// names, of its type to reflect (namedvalues.InInterface). A walker of
// values (The Go Programming Language's display) went into the
// interpreter's syntax tree, through its parents' pointers, without end.
//
// Of a settable e, the Value is settable, and SetValue sets e through it
// (v.Set, which the program makes SetValue); of an e reached through an
// unexported field, it is read-only. Its Type is interface {}, where Go's
// names the interface.
func AsInterface(e reflect.Value) reflect.Value {
	if !e.IsValid() || !isBox(e.Type()) {
		return e
	}
	canSet := e.CanSet()
	readOnly := !e.CanInterface()
	if readOnly && roFlags.ok {
		// Reached through an unexported field: read as Go's reflect
		// reads it (Elem, Type, IsNil), and read-only again below.
		(*valueHeader)(unsafe.Pointer(&e)).flag &^= roFlags.sticky | roFlags.embed
	}
	h := new(interfaceHolder)
	if u := Unboxed(e); u.IsValid() && u.CanInterface() {
		h.V = u.Interface()
		if key, ok := keepBox(e).(string); ok {
			// (its data where the view is remembered)
			h.V = namedvalues.InInterface(h.V, key)
		}
	}
	out := reflect.ValueOf(h).Elem().Field(0)
	switch {
	case canSet:
		addr := uintptr(unsafe.Pointer(h))
		settable.Store(addr, e)
		runtime.AddCleanup(h, func(addr uintptr) { settable.Delete(addr) }, addr)
	case readOnly && roFlags.ok:
		out = reflect.ValueOf(*h).Field(0)
		(*valueHeader)(unsafe.Pointer(&out)).flag |= roFlags.sticky
	default:
		out = reflect.ValueOf(*h).Field(0) // (not addressable, as e)
	}
	return out
}

// keepBox keeps box b in seenBoxes, if none is kept for its value's type
// yet, and returns the key: the value's reflect type, if only one of the
// notebook's types has it (ownType), else the box's Go name of the type;
// nil for a nil box.
func keepBox(b reflect.Value) any {
	u := Unboxed(b)
	if !u.IsValid() || !u.CanInterface() {
		return nil
	}
	var key any
	if ownType(u.Type()) {
		key = u.Type()
	} else if name := BoxName(b); name != "" {
		key = GoName(name)
	}
	if _, seen := seenBoxes.Load(key); key != nil && !seen && b.CanInterface() {
		c := reflect.New(b.Type()).Elem()
		c.Set(b)
		seenBoxes.Store(key, c)
		if name, ok := key.(string); ok {
			if other, loaded := namedOf.LoadOrStore(u.Type(), name); loaded && other != name {
				namedOf.Store(u.Type(), "") // two of them
			}
		}
	}
	return key
}

// namedOf holds, by reflect type, the Go name of the one named type that
// is not a struct kept in seenBoxes whose values are of that type to
// reflect ("main.Celsius" for float64), "" where there are two.
var namedOf sync.Map // reflect.Type -> string

// boxOfNamed is boxOf, but for a value of a type that is not the
// notebook's own to reflect (a float64), of the notebook's named type
// kept with that type, if only one is (namedOf): gob decodes a Celsius
// registered as a float64.
func boxOfNamed(x reflect.Value, t reflect.Type) reflect.Value {
	c := x
	if c.IsValid() && c.Kind() == reflect.Interface {
		c = c.Elem()
	}
	if c.IsValid() && !isBox(c.Type()) && !ownType(c.Type()) {
		if name, ok := namedOf.Load(c.Type()); ok && name != "" {
			if seen, ok := seenBoxes.Load(name); ok {
				return withValue(seen.(reflect.Value), c, t)
			}
		}
	}
	return boxOf(x, t)
}

// SetValue is v.Set(x), and where v is a Value AsInterface made of a
// settable box, the box is set too: to x's box, or to a box of the value
// in x (boxOf).
func SetValue(v, x reflect.Value) {
	if v.Kind() != reflect.Interface || !v.CanAddr() {
		v.Set(x)
		return
	}
	found, ok := settable.Load(uintptr(v.UnsafeAddr()))
	if !ok {
		v.Set(x)
		return
	}
	box := found.(reflect.Value)
	b := boxOf(x, box.Type())
	if u := Unboxed(b); u.IsValid() {
		v.Set(u) // (panics as Go's Set does: a value read through an unexported field)
	} else {
		v.Set(reflect.Zero(v.Type()))
	}
	box.Set(b)
}

// SetMapIndexValue is v.SetMapIndex(k, x), with a key or an element of
// one of the notebook's interfaces put in a box (boxOf).
func SetMapIndexValue(v, k, x reflect.Value) {
	if v.Kind() == reflect.Map {
		if t := v.Type().Key(); isBox(t) {
			k = boxOf(k, t)
		}
		if t := v.Type().Elem(); isBox(t) && x.IsValid() {
			x = boxOf(x, t)
		}
	}
	v.SetMapIndex(k, x)
}

// ownType reports whether values of reflect type t are of one type of the
// notebook's only: one of its struct types, or a pointer to one. A named
// type that is not a struct is its underlying type to reflect, which
// others share (a Celsius and a Square are float64s), and a box seen
// holding one names its type.
func ownType(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	_, ok := structNames.Load(t)
	return ok && !Fieldless(t)
}

// AppendValues is reflect.Append(s, xs...), with elements of one of the
// notebook's interfaces put in boxes (boxOf).
func AppendValues(s reflect.Value, xs ...reflect.Value) reflect.Value {
	if s.Kind() == reflect.Slice && isBox(s.Type().Elem()) {
		boxed := make([]reflect.Value, len(xs))
		for i, x := range xs {
			boxed[i] = boxOf(x, s.Type().Elem())
		}
		xs = boxed
	}
	return reflect.Append(s, xs...)
}

// boxOf returns x as a box of type t, the interpreter's box of one of the
// notebook's interfaces: x's box, if x is one or a Value AsInterface made
// (whose value a box is made for); nil's, the zero box; else a box made
// for the value in x, of one seen holding a value of its type, whose
// node knows that type.
func boxOf(x reflect.Value, t reflect.Type) reflect.Value {
	c := x
	if c.IsValid() && c.Kind() == reflect.Interface {
		c = c.Elem()
	}
	if c.IsValid() && isBox(c.Type()) {
		return c
	}
	if !c.IsValid() {
		return reflect.Zero(t)
	}
	if x.Kind() == reflect.Interface && x.CanAddr() {
		if box, ok := settable.Load(uintptr(x.UnsafeAddr())); ok {
			return box.(reflect.Value) // (a field or an element copied to another)
		}
	}
	var key any = c.Type()
	if view := namedvalues.Type(c); view != c.Type() {
		key = view.String() // main.Square: its box is not a Celsius's
	} else if !ownType(c.Type()) {
		key = nil
	}
	seen, ok := seenBoxes.Load(key)
	if !ok || key == nil {
		panic(fmt.Sprintf("goconc: reflect cannot put a %s in one of the notebook's interfaces here: no value of that type has been in one yet; assign it in Go (x.Field = v)", c.Type()))
	}
	return withValue(seen.(reflect.Value), c, t)
}

// withValue returns a box of type t like box seen, holding c.
func withValue(seen, c reflect.Value, t reflect.Type) reflect.Value {
	b := reflect.New(t).Elem()
	b.Set(seen)
	held := reflect.New(c.Type()).Elem()
	held.Set(c)
	f := b.FieldByName("value")
	*(*reflect.Value)(unsafe.Pointer(f.UnsafeAddr())) = held
	return b
}
