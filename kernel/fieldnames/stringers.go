package fieldnames

import (
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/goconc/goconc/kernel/methodsets"
)

//go:generate go run gen_stringers.go

// Templates print a value by its String method. To reflection, a value of
// a notebook type that is not a struct is its underlying type (a Celsius is
// a float64), so a template printed {{.Temp}} as 21.5 where Go prints
// 21.5°C. PlainTemplate gives such values, where the shape of the data's
// static type (shapes.go) or a box says they are, a compiled type of the
// same kind whose String method calls the notebook's: comparisons (gt
// .Temp 10.0), printf's numeric verbs and fields work as before. Each
// notebook type with a String method gets one of stringerSlots types of
// its kind (stringers_gen.go); a kind's later types keep their plain
// values.

// stringerSlots is how many notebook types of one kind can have their
// String methods called (gen_stringers.go's slots).
const stringerSlots = 8

var (
	stringersMu sync.Mutex
	// stringerTypes gives a registered type's name its slot's type.
	stringerTypes sync.Map // "main.Celsius" -> reflect.Type
	slotsTaken    = map[reflect.Kind]int{}
	// slotCalls holds the String method of each slot, by kind and slot.
	slotCalls sync.Map // slotKey -> *atomic.Pointer[func(any) string]
)

type slotKey struct {
	kind reflect.Kind
	slot int
}

// RegisterStringer registers the String method of the notebook type called
// name, not a struct, to which p is a nil pointer; call calls it on a value
// of the type's underlying type. A type registered again (its cell run
// again) keeps its slot.
func RegisterStringer(p any, name string, call func(any) string) {
	t := reflect.TypeOf(p)
	if t == nil || t.Kind() != reflect.Pointer || call == nil {
		return
	}
	kind := t.Elem().Kind()
	if _, ok := slotTypes[kind]; !ok {
		return
	}
	stringersMu.Lock()
	defer stringersMu.Unlock()
	slot := -1
	if st, ok := stringerTypes.Load(name); ok && st.(reflect.Type).Kind() == kind {
		for i, s := range slotTypes[kind] {
			if s == st {
				slot = i
			}
		}
	}
	if slot < 0 {
		if slotsTaken[kind] == stringerSlots {
			return
		}
		slot = slotsTaken[kind]
		slotsTaken[kind]++
	}
	f, _ := slotCalls.LoadOrStore(slotKey{kind, slot}, new(atomic.Pointer[func(any) string]))
	f.(*atomic.Pointer[func(any) string]).Store(&call)
	stringerTypes.Store(name, slotTypes[kind][slot])
}

// stringOf calls the String method of the notebook type called name on
// v, a value of it as reflect sees it, if the type has one: one of a
// struct type in its method set (kernel/methodsets), else the one
// RegisterStringer registered.
func stringOf(name string, v any) (s string, ok bool) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return "", false
	}
	defer func() {
		if r := recover(); r != nil {
			s, ok = fmt.Sprintf("%%!v(PANIC=String method: %v)", r), true
		}
	}()
	if rv.Kind() == reflect.Struct {
		m, found := methodsets.MethodByName(rv.Type(), "String")
		if !found || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.String {
			return "", false
		}
		return m.Func.Call([]reflect.Value{rv})[0].String(), true
	}
	st, found := stringerTypes.Load(name)
	if !found || !rv.CanConvert(st.(reflect.Type)) {
		return "", false
	}
	str, isStringer := rv.Convert(st.(reflect.Type)).Interface().(fmt.Stringer)
	if !isStringer {
		return "", false
	}
	return str.String(), true
}

// stringerCall is the String method of a slot's type.
func stringerCall(kind reflect.Kind, slot int, v any) string {
	if f, ok := slotCalls.Load(slotKey{kind, slot}); ok {
		if call := f.(*atomic.Pointer[func(any) string]).Load(); call != nil {
			return (*call)(v)
		}
	}
	return ""
}

// PlainTemplate is Plain for templates: a value of a notebook type with a
// String method becomes a value of its slot's type, where shape (the
// shape of v's static type) or a box says it is one.
func PlainTemplate(v any, shape string) any {
	return plainer{seen: map[uintptr]reflect.Value{}, template: true}.of(v, parseShape(shape))
}

// stringed returns v as a value of the slot type of the notebook type s
// names, if that type has a registered String method.
func stringed(v reflect.Value, s *shape) (reflect.Value, bool) {
	if s == nil || s.kind != named {
		return v, false
	}
	st, ok := stringerTypes.Load(s.name)
	if !ok || st.(reflect.Type).Kind() != v.Kind() {
		return v, false
	}
	return v.Convert(st.(reflect.Type)), true
}

// StringOf returns what the String method of the notebook type called
// name, not a struct, makes of v, a value of its underlying type, if the
// type has one registered.
func StringOf(name string, v reflect.Value) (string, bool) {
	st, ok := stringerTypes.Load(name)
	if !ok || !v.IsValid() || st.(reflect.Type).Kind() != v.Kind() || !v.CanInterface() {
		return "", false
	}
	s, ok := v.Convert(st.(reflect.Type)).Interface().(fmt.Stringer)
	if !ok {
		return "", false
	}
	return s.String(), true
}
