// Package namedtypes gives reflect the notebook's named types that are
// not structs.
//
// To reflect, the interpreter's value of type MyInt (type MyInt int) is
// an int: reflect.TypeOf(x) printed int where Go prints main.MyInt, its
// Name was "int", and it had none of MyInt's methods. A reflect.Type
// cannot be made outside package reflect, but a struct that embeds one
// is one: Of returns such a view of the underlying type, which answers
// Name, String and PkgPath as Go's type would, lists the methods the
// notebook registered for the type (kernel/methodsets), and is one value
// for each type, so that two of them compare as reflect's types do. The
// cell hands reflect's own functions the underlying type (Raw), which is
// what the interpreter's values have.
package namedtypes

import (
	"reflect"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/methodsets"
)

// named is the view of a type whose values reflect sees as of type Type:
// the notebook's named type goName ("main.MyInt"), or a type made of one
// ("*main.MyInt", "[]main.MyInt", "map[string]main.MyInt"), whose
// element (and key) is a view too, or reflect's own type where it names
// none.
type named struct {
	reflect.Type
	goName    string
	composite bool         // not the named type itself
	elem, key reflect.Type // of a composite
}

// views holds the view of each type, by its name and underlying type.
var views sync.Map // viewKey -> *named

type viewKey struct {
	goName string
	raw    reflect.Type
}

// Of returns the view of the type goName, as go/types writes it
// ("main.Celsius", "[]*main.Celsius"), whose values are of type raw to
// reflect: raw itself where goName names none of the notebook's named
// types that are not structs (a struct type of the notebook's is one of
// its own to reflect).
func Of(raw reflect.Type, goName string) reflect.Type {
	if raw == nil || goName == "" {
		return raw
	}
	if v, ok := views.Load(viewKey{goName, raw}); ok {
		return v.(*named)
	}
	n := &named{Type: raw, goName: goName}
	switch k := raw.Kind(); {
	case k == reflect.Pointer && strings.HasPrefix(goName, "*"):
		n.elem = Of(raw.Elem(), goName[1:])
	case k == reflect.Slice && strings.HasPrefix(goName, "[]"):
		n.elem = Of(raw.Elem(), goName[2:])
	case k == reflect.Array && strings.HasPrefix(goName, "["):
		_, elem, _ := strings.Cut(goName, "]")
		n.elem = Of(raw.Elem(), elem)
	case k == reflect.Chan:
		elem := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(goName, "<-"), "chan"), "<-")
		n.elem = Of(raw.Elem(), strings.TrimPrefix(elem, " "))
	case k == reflect.Map && strings.HasPrefix(goName, "map["):
		key, elem := splitMap(goName)
		n.key, n.elem = Of(raw.Key(), key), Of(raw.Elem(), elem)
	case strings.HasPrefix(goName, "main.") && !(k == reflect.Struct && raw.NumField() > 0):
		// One of the notebook's named types that are not structs.
		v, _ := views.LoadOrStore(viewKey{goName, raw}, n)
		return v.(*named)
	default:
		return raw
	}
	n.composite = true
	if n.elem == raw.Elem() && (n.key == nil || n.key == raw.Key()) {
		return raw // (nothing of the notebook's in it)
	}
	v, _ := views.LoadOrStore(viewKey{goName, raw}, n)
	return v.(*named)
}

// splitMap returns the key and element of map type name "map[K]V".
func splitMap(name string) (key, elem string) {
	depth := 0
	for i := len("map"); i < len(name); i++ {
		switch name[i] {
		case '[':
			depth++
		case ']':
			if depth--; depth == 0 {
				return name[len("map["):i], name[i+1:]
			}
		}
	}
	return "", ""
}

// Raw returns the type reflect's values have for t: the underlying type
// of a view, t itself otherwise.
func Raw(t reflect.Type) reflect.Type {
	if n, ok := t.(*named); ok {
		return n.Type
	}
	return t
}

// Name is Go's: "Celsius"; a composite type has none.
func (n *named) Name() string {
	if n.composite {
		return ""
	}
	_, name, _ := strings.Cut(n.goName, ".")
	return name
}

// String is Go's: "main.Celsius", "*main.Celsius".
func (n *named) String() string { return n.goName }

// PkgPath is Go's: "main"; a composite type has none.
func (n *named) PkgPath() string {
	if n.composite {
		return ""
	}
	return "main"
}

// Elem of a composite view is the view of its element; of a named
// type's, its underlying type's (RegisterUnderlying).
func (n *named) Elem() reflect.Type {
	if n.composite {
		return n.elem
	}
	if u := n.underlying(); u != nil {
		return u.Elem()
	}
	return n.Type.Elem()
}

// Key of a map's view is the view of its key.
func (n *named) Key() reflect.Type {
	if n.key != nil {
		return n.key
	}
	if u := n.underlying(); u != nil {
		return u.Key()
	}
	return n.Type.Key()
}

// underlyings are the Go names of the underlying types of the notebook's
// named types that are made of its named types (main.Temps, []Celsius).
var underlyings sync.Map // goName -> goName

// RegisterUnderlying gives the notebook's type goName ("main.Temps") the
// Go name of its underlying type ("[]main.Celsius"), whose view gives the
// element and key types of goName's.
func RegisterUnderlying(goName, under string) { underlyings.Store(goName, under) }

// underlying returns the view of a named type's underlying type, or nil.
func (n *named) underlying() reflect.Type {
	under, ok := underlyings.Load(n.goName)
	if !ok {
		return nil
	}
	if u := Of(n.Type, under.(string)); u != n.Type {
		return u
	}
	return nil
}

// methods are the type's, or with a pointer to the named type, those of
// the pointer's method set.
func (n *named) methods() []reflect.Method {
	if !n.composite {
		return methodsets.NamedSet(n.goName, n.Type, false)
	}
	if e, ok := n.elem.(*named); ok && !e.composite && n.Kind() == reflect.Pointer {
		return methodsets.NamedSet(e.goName, e.Type, true)
	}
	return nil
}

// NumMethod counts the exported methods the notebook declared for the
// type (with those of its value receivers, for a pointer).
func (n *named) NumMethod() int { return len(n.methods()) }

// Method is the i'th of them, sorted by name.
func (n *named) Method(i int) reflect.Method {
	ms := n.methods()
	if i < 0 || i >= len(ms) {
		panic("reflect: Method index out of range")
	}
	return ms[i]
}

// MethodByName finds one of them.
func (n *named) MethodByName(name string) (reflect.Method, bool) {
	for _, m := range n.methods() {
		if m.Name == name {
			return m, true
		}
	}
	return reflect.Method{}, false
}

// Implements reports whether the type's methods are those of interface u.
func (n *named) Implements(u reflect.Type) bool {
	u = Raw(u)
	if u == nil || u.Kind() != reflect.Interface {
		return n.Type.Implements(u) // (its panics)
	}
	for i := range u.NumMethod() {
		want := u.Method(i)
		m, ok := n.MethodByName(want.Name)
		if !ok || m.Type.NumIn()-1 != want.Type.NumIn() {
			return false
		}
	}
	return true
}

// AssignableTo is Go's rule: a named type is assignable to itself, to an
// unnamed type of its underlying type, and to an interface it implements.
func (n *named) AssignableTo(u reflect.Type) bool {
	if u == reflect.Type(n) {
		return true
	}
	if _, view := u.(*named); !view && u != nil && u.Name() == "" && u == n.Type {
		return true // type Ints []int: an Ints to a []int
	}
	if r := Raw(u); r != nil && r.Kind() == reflect.Interface {
		return n.Implements(r)
	}
	return false
}

// ConvertibleTo goes by the underlying types, as Go's conversions do.
func (n *named) ConvertibleTo(u reflect.Type) bool { return n.Type.ConvertibleTo(Raw(u)) }

// RawTypes is Raw of each of ts, for reflect.FuncOf.
func RawTypes(ts []reflect.Type) []reflect.Type {
	out := make([]reflect.Type, len(ts))
	for i, t := range ts {
		out[i] = Raw(t)
	}
	return out
}

// PointerTo is reflect.PointerTo(t), the view of *T for the view of T.
func PointerTo(t reflect.Type) reflect.Type {
	if n, ok := t.(*named); ok {
		return Of(reflect.PointerTo(n.Type), "*"+n.goName)
	}
	return reflect.PointerTo(t)
}

// AssignableTo is t.AssignableTo(u), either of them a view or not.
func AssignableTo(t, u reflect.Type) bool {
	if t == nil || u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	if n, ok := t.(*named); ok {
		return n.AssignableTo(u)
	}
	if n, ok := u.(*named); ok {
		// To a named type, only from an unnamed one of its
		// underlying type (a []int to an Ints).
		return t.Name() == "" && t == n.Type
	}
	return t.AssignableTo(u)
}

// ConvertibleTo is t.ConvertibleTo(u), either of them a view or not: by
// the underlying types, as Go's conversions go.
func ConvertibleTo(t, u reflect.Type) bool {
	return Raw(t).ConvertibleTo(Raw(u))
}

// Implements is t.Implements(u) for a view t, or reports ok false.
func Implements(t, u reflect.Type) (implements, ok bool) {
	if n, isView := t.(*named); isView {
		return n.Implements(u), true
	}
	return false, false
}
