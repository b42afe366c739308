// Package namedvalues gives the reflect.Values of the notebook's named
// types that are not structs their types.
//
// To reflect, the interpreter's value of type MyInt (type MyInt int) is an
// int. kernel/namedtypes gives reflect.TypeOf(x) a view of MyInt, but a
// reflect.Value is reflect's own struct, and one int's Value cannot be told
// from another's: reflect.ValueOf(x).Type() printed int where Go prints
// main.MyInt (The Laws of Reflection's first named type).
//
// Of makes the Value of a fresh copy of x, at an address no other live
// Value has, and remembers the view there: Type(v) of that Value, however
// the cell passes it around, is the view, and Interface(v) names it. The
// copy is what reflect.ValueOf's own is (not addressable, not settable).
// Of a pointer (&c), Of remembers the variable's address too, where
// v.Elem()'s Value is; Field and Elem remember the fields and elements
// the cell reaches. An entry goes when what it points into does, and one
// whose memory has died is never read, so a new value at a reused address
// is not taken for it.
package namedvalues

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
	"weak"

	"github.com/goconc/goconc/kernel/namedtypes"
)

// key is where a Value's data is and the type reflect gives it.
type key struct {
	ptr uintptr
	raw reflect.Type
}

type entry struct {
	view reflect.Type
	data weak.Pointer[byte] // the copy: nil once it has died
}

var (
	views   sync.Map // key -> entry
	entries atomic.Int64
)

// header is the layout of a reflect.Value (reflect/value.go), read for the
// address of its data; layoutOK says it is still so.
type header struct {
	typ  unsafe.Pointer
	ptr  unsafe.Pointer
	flag uintptr
}

// flagIndir is reflect's mark of a Value whose ptr points to its data.
const flagIndir = 1 << 7

var layoutOK = func() bool {
	x := new(int)
	v, e := reflect.ValueOf(x), reflect.ValueOf(x).Elem()
	h, he := (*header)(unsafe.Pointer(&v)), (*header)(unsafe.Pointer(&e))
	return unsafe.Sizeof(v) == unsafe.Sizeof(header{}) && h.ptr == unsafe.Pointer(x) && h.flag&flagIndir == 0 &&
		he.ptr == unsafe.Pointer(x) && he.flag&flagIndir != 0 && he.flag&flagAddr != 0 && h.flag&flagAddr == 0
}()

// Of is reflect.ValueOf(x) for an x of the notebook's type goName
// ("main.Celsius", "[]main.Celsius"), whose Type is that type's view.
func Of(x any, goName string) reflect.Value {
	v := reflect.ValueOf(x)
	if !v.IsValid() || !layoutOK {
		return v
	}
	raw := v.Type()
	view := namedtypes.Of(raw, goName)
	if view == raw {
		return v
	}
	w, mem := copyOf(v)
	remember(mem, mem, raw, view)
	if raw.Kind() == reflect.Pointer && !v.IsNil() && raw.Elem().Size() > 0 {
		// v.Elem() of &c is the variable c: its Value is at c's address.
		if ev := view.Elem(); ev != raw.Elem() {
			remember(v.UnsafePointer(), v.UnsafePointer(), raw.Elem(), ev)
		}
	}
	return w
}

// flagAddr is reflect's mark of an addressable Value.
const flagAddr = 1 << 8

// copyOf returns a Value of a copy of v at memory of its own, and that
// memory, without the mark that makes a Value addressable, as
// reflect.ValueOf's is not. The memory is never the tiny allocator's,
// which puts small values without pointers together in one block (a
// cleanup of one of them may never run, and its entry would stay), nor
// the one address every value of a size of zero has (type Cat struct{}
// and type Dog struct{} are both struct{} to reflect).
func copyOf(v reflect.Value) (reflect.Value, unsafe.Pointer) {
	raw := v.Type()
	var mem unsafe.Pointer
	if raw.Size() < 16 && !holdsPointers(raw) {
		mem = unsafe.Pointer(new([16]byte))
	} else {
		mem = reflect.New(raw).UnsafePointer()
	}
	w := reflect.NewAt(raw, mem).Elem()
	w.Set(v)
	h := (*header)(unsafe.Pointer(&w))
	h.flag &^= flagAddr
	return w, mem
}

// holdsPointers reports whether values of t may hold pointers, which the
// collector must see in the memory they are in.
func holdsPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && holdsPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true
}

// remember records that the Value of type raw at p, in the memory that
// starts at within (a copy, a variable, a struct, a slice's array), is of
// type view, until that memory dies.
//
// The memory's weak pointer and cleanup are made once for all it holds:
// one per element of a slice of 20,000 (each a special of the one array,
// kept in a list) took 90 µs an element.
func remember(within, p unsafe.Pointer, raw, view reflect.Type) {
	h := holderOf(within)
	k := key{uintptr(p), raw}
	if _, had := views.Swap(k, entry{view, h.data}); !had {
		entries.Add(1)
		h.mu.Lock()
		h.keys = append(h.keys, k)
		h.mu.Unlock()
	}
}

// holder is memory some entries are in, and those entries.
type holder struct {
	addr uintptr
	data weak.Pointer[byte]
	mu   sync.Mutex
	keys []key
}

var holders sync.Map // uintptr -> *holder

// holderOf returns the holder of the memory that starts at p, made (with
// its weak pointer and cleanup) on first use.
func holderOf(p unsafe.Pointer) *holder {
	if h, ok := holders.Load(uintptr(p)); ok {
		if h := h.(*holder); h.data.Value() != nil {
			return h
		}
	}
	h := &holder{addr: uintptr(p), data: weak.Make((*byte)(p))}
	holders.Store(uintptr(p), h)
	runtime.AddCleanup((*byte)(p), forget, h)
	return h
}

// forget drops the entries of a holder whose memory has died.
func forget(h *holder) {
	holders.CompareAndDelete(h.addr, h)
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, k := range h.keys {
		if e, ok := views.Load(k); ok && e.(entry).data == h.data {
			views.CompareAndDelete(k, e)
		}
		entries.Add(-1)
	}
}

// Type is v.Type(), the view of the notebook's type if Of made v.
func Type(v reflect.Value) reflect.Type {
	if entries.Load() == 0 || !v.IsValid() {
		return v.Type()
	}
	raw := v.Type()
	if e, ok := views.Load(key{uintptr((*header)(unsafe.Pointer(&v)).ptr), raw}); ok && e.(entry).data.Value() != nil {
		return e.(entry).view
	}
	return raw
}

// Interface is v.Interface() and, for a Value Of made, the name of the
// notebook's type it is of ("" otherwise): the cell converts the value to
// that type, which the interpreter then boxes as its own, and %T,
// assertions and String methods see as Go's (program's reflectmethods.go).
func Interface(v reflect.Value) (any, string) {
	x := v.Interface() // (its panics)
	if t := Type(v); t != v.Type() {
		return x, t.String()
	}
	return x, ""
}

// String is v.String(): "<main.Celsius Value>" for a Value Of made.
func String(v reflect.Value) string {
	if !v.IsValid() || v.Kind() == reflect.String {
		return v.String()
	}
	return "<" + Type(v).String() + " Value>"
}

// fieldTypes are, for the notebook's struct types, the Go names of the
// fields' types that are (or are made of) its named types that are not
// structs, "" for the others (RegisterFields).
var fieldTypes sync.Map // reflect.Type of a struct -> []string

// RegisterFields gives the struct type p points to the Go names of its
// fields' types ("main.Celsius"; "" where reflect's type is Go's).
func RegisterFields(p any, names ...string) {
	t := reflect.TypeOf(p)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || t.Elem().NumField() != len(names) {
		return
	}
	fieldTypes.Store(t.Elem(), names)
}

// fieldType returns the view of the type of field i of struct type t, or
// nil.
func fieldType(t reflect.Type, i int) reflect.Type {
	names, ok := fieldTypes.Load(namedtypes.Raw(t))
	if !ok || i < 0 || i >= len(names.([]string)) || names.([]string)[i] == "" {
		return nil
	}
	raw := t.Field(i).Type
	if view := namedtypes.Of(raw, names.([]string)[i]); view != raw {
		return view
	}
	return nil
}

// Field is what v.Field(i) gives, f, whose Type is then the view of the
// field's type: its Value is at the field's address.
func Field(v reflect.Value, i int, f reflect.Value) reflect.Value {
	if !layoutOK || !f.IsValid() || f.Type().Size() == 0 {
		return f
	}
	view := fieldType(v.Type(), i)
	if view == nil {
		return f
	}
	if h := (*header)(unsafe.Pointer(&f)); h.flag&flagIndir != 0 && h.ptr != nil {
		within := h.ptr
		if hv := (*header)(unsafe.Pointer(&v)); hv.flag&flagIndir != 0 && hv.ptr != nil {
			within = hv.ptr // (the struct's memory)
		}
		remember(within, h.ptr, f.Type(), view)
	}
	return f
}

// StructField is sf, field i of struct type t, with the view of its type.
func StructField(t reflect.Type, sf reflect.StructField) reflect.StructField {
	if len(sf.Index) == 1 {
		if view := fieldType(t, sf.Index[0]); view != nil {
			sf.Type = view
		}
	}
	return sf
}

// Elem is what v.Index(i), v.MapIndex(k) or v.Elem() gives, e, whose Type
// is then the view of the element type of v's: an element of a []Celsius
// or of a Temps is a Celsius.
func Elem(v, e reflect.Value) reflect.Value {
	if !layoutOK || !e.IsValid() || entries.Load() == 0 || e.Type().Size() == 0 {
		return e
	}
	t := Type(v)
	if t == v.Type() {
		return e
	}
	view := t.Elem()
	if view == nil || view == e.Type() || namedtypes.Raw(view) != e.Type() {
		return e
	}
	if h := (*header)(unsafe.Pointer(&e)); h.flag&flagIndir != 0 && h.ptr != nil {
		within := h.ptr // (a map's element is a copy; a pointer's, the variable)
		switch v.Kind() {
		case reflect.Slice:
			within = v.UnsafePointer() // (the array)
		case reflect.Array:
			if hv := (*header)(unsafe.Pointer(&v)); hv.flag&flagIndir != 0 && hv.ptr != nil {
				within = hv.ptr
			}
		}
		remember(within, h.ptr, e.Type(), view)
	}
	return e
}

// InInterface returns x, a value of the notebook's type goName, in an
// interface whose data is at memory of its own, remembered with the view
// as Of remembers its copy: the Elem of a Value of kind Interface holding
// it (reflect.ValueOf(&i).Elem().Elem()) is of that type. Such is what
// reflect gives, in Go, of an element or a field of one of the notebook's
// interface types holding a Celsius (kernel/fieldnames' AsInterface).
func InInterface(x any, goName string) any {
	v := reflect.ValueOf(x)
	if !v.IsValid() || !layoutOK || v.Type().Size() == 0 {
		return x
	}
	view := namedtypes.Of(v.Type(), goName)
	if view == v.Type() {
		return x
	}
	i := x
	elem := reflect.ValueOf(&i).Elem().Elem()
	if h := (*header)(unsafe.Pointer(&elem)); h.flag&flagIndir != 0 {
		// The interface's word points to its copy of x: point it to
		// one at memory of its own, remembered with the view (the
		// bytes are x's).
		_, mem := copyOf(v)
		remember(mem, mem, v.Type(), view)
		(*eface)(unsafe.Pointer(&i)).data = mem
	}
	return i
}

// eface is an interface{}'s layout: its type and its data word.
type eface struct {
	typ, data unsafe.Pointer
}
