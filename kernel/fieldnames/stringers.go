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
// name makes of v, a value of it as reflect sees it (one of its underlying
// type for a type that is not a struct), if the type has one: a struct
// type's from its method set (kernel/methodsets), another's as
// RegisterStringer registered it.
func StringOf(name string, v reflect.Value) (string, bool) {
	if !v.IsValid() || !v.CanInterface() {
		return "", false
	}
	if v.Kind() == reflect.Struct || v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Struct {
		return MethodText(v, "String")
	}
	st, ok := stringerTypes.Load(name)
	if !ok || st.(reflect.Type).Kind() != v.Kind() {
		return "", false
	}
	s, ok := v.Convert(st.(reflect.Type)).Interface().(fmt.Stringer)
	if !ok {
		return "", false
	}
	return s.String(), true
}

// MethodText calls method (String or Error) of v, a value of one of the
// notebook's struct types or a pointer to one, if its method set
// (kernel/methodsets) has it; a panic in it is written as fmt writes one.
func MethodText(v reflect.Value, method string) (s string, ok bool) {
	m, found := methodsets.MethodByName(v.Type(), method)
	if !found || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.String {
		return "", false
	}
	defer func() {
		if r := recover(); r != nil {
			s, ok = fmt.Sprintf("%%!v(PANIC=%s method: %v)", method, r), true
		}
	}()
	return m.Func.Call([]reflect.Value{v})[0].String(), true
}
