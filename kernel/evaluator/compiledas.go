package evaluator

import (
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// A value of a compiled type in an interface the notebook declares or
// writes as a literal (program's compiledAssertion):
//
//	_, err := os.Open("/missing")
//	te, ok := err.(interface{ Timeout() bool })
//
// Yaegi v0.16.1 asserts to such an interface only the values it boxed
// itself, so a compiled value (*fs.PathError, time.Duration) was never of
// one: ok was false, a type switch went to its default. The cell asks the
// CompiledMethods hook whether the value's type has the methods, then
// converts it as Yaegi converts a value whose type it knows,
//
//	var v I = hooks.Dynamic(x); hooks.Retype(&v)
//
// and Retype gives the box the value's own type: Yaegi's box (its
// valueInterface) names the type of the expression converted, here
// Dynamic, and holds the Dynamic; after Retype it names x's type and
// holds x, as when the cell converts a time.Duration to the interface.

// Dynamic is a compiled value on its way into an interface of the
// notebook's; an interface type of its own, so Yaegi boxes it.
type Dynamic interface{}

// compiledMethods is the CompiledMethods hook: whether x is a value of a
// compiled type with the methods names, each of the type of the nil
// function in sigs at its index. The interpreter's own types (a notebook
// struct in reflect's terms, Yaegi's wrappers) are not compiled values:
// their methods are not what reflect sees.
func compiledMethods(x any, names []string, sigs []any) bool {
	t := reflect.TypeOf(x)
	if t == nil || !compiledType(t) {
		return false
	}
	for i, name := range names {
		m, ok := t.MethodByName(name)
		if !ok || i >= len(sigs) {
			return false
		}
		// m.Type has the receiver first; the signature has not.
		want := reflect.TypeOf(sigs[i])
		if want == nil || want.NumIn() != m.Type.NumIn()-1 || want.NumOut() != m.Type.NumOut() || want.IsVariadic() != m.Type.IsVariadic() {
			return false
		}
		for j := 0; j < want.NumIn(); j++ {
			if want.In(j) != m.Type.In(j+1) {
				return false
			}
		}
		for j := 0; j < want.NumOut(); j++ {
			if want.Out(j) != m.Type.Out(j) {
				return false
			}
		}
	}
	return true
}

// compiledType reports whether t is a named type of compiled code, or a
// pointer to one, and not one of the interpreter's (its wrappers giving
// notebook values to compiled interfaces live in Yaegi's packages).
func compiledType(t reflect.Type) bool {
	if t.Name() == "" && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name() != "" && !strings.HasPrefix(t.PkgPath(), "github.com/traefik/yaegi")
}

// boxLayout says where Yaegi's box keeps what Retype changes: the box's
// node and value, the node's type, the type's reflect type and name. ok
// is false if this Yaegi's box is not laid out so (TestRetype fails then).
type boxLayout struct {
	node, value     uintptr // in the box
	typ             uintptr // in the node
	rtype, str, val uintptr // in the type
	nodeT, typT     reflect.Type
	ok              bool
}

var (
	boxLayoutOnce sync.Once
	boxes         boxLayout
	// retyped holds a node for each compiled type Retype gave a box:
	// the copy of the first node boxed, naming the type. A node's other
	// fields do not matter to a box (all of them are Dynamic's calls).
	retyped sync.Map // reflect.Type -> unsafe.Pointer, a node
)

func layoutOf(box reflect.Type) (l boxLayout) {
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

// retype is the Retype hook: p points to Yaegi's box of a Dynamic, which
// it makes a box of the value the Dynamic holds, of that value's type.
func retype(p any) {
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		panic("goconc: Retype: not a pointer to the interpreter's box: " + v.Type().String())
	}
	boxLayoutOnce.Do(func() { boxes = layoutOf(v.Type().Elem()) })
	if !boxes.ok {
		panic("goconc: Retype: the interpreter's box is not laid out as goconc expects (a Yaegi other than v0.16.1?)")
	}
	box := v.UnsafePointer()
	value := (*reflect.Value)(unsafe.Add(box, boxes.value))
	if value.Kind() == reflect.Interface {
		*value = value.Elem()
	}
	node := (*unsafe.Pointer)(unsafe.Add(box, boxes.node))
	if *node == nil || !value.IsValid() {
		return
	}
	key := value.Type()
	if n, ok := retyped.Load(key); ok {
		*node = n.(unsafe.Pointer)
		return
	}
	// A copy of the node and of its type, naming the value's type: its
	// reflect type and name, and no type it wraps (Yaegi names a type by
	// the one it wraps first).
	n := reflect.New(boxes.nodeT)
	n.Elem().Set(reflect.NewAt(boxes.nodeT, *node).Elem())
	typField := (*unsafe.Pointer)(unsafe.Add(n.UnsafePointer(), boxes.typ))
	t := reflect.New(boxes.typT)
	t.Elem().Set(reflect.NewAt(boxes.typT, *typField).Elem())
	*(*reflect.Type)(unsafe.Add(t.UnsafePointer(), boxes.rtype)) = value.Type()
	*(*string)(unsafe.Add(t.UnsafePointer(), boxes.str)) = value.Type().String()
	*(*unsafe.Pointer)(unsafe.Add(t.UnsafePointer(), boxes.val)) = nil
	*typField = t.UnsafePointer()
	n2, _ := retyped.LoadOrStore(key, n.UnsafePointer())
	*node = n2.(unsafe.Pointer)
}
