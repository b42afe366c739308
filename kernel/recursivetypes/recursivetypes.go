// Package recursivetypes gives the interpreter the reflect types of the
// notebook's mutually recursive types, which Yaegi v0.16.1 builds wrong.
//
// reflect cannot make a named type, so the interpreter makes its struct
// types with reflect.StructOf, which cannot make a type that holds itself:
// a field that leads back to a struct type being made gets a placeholder
// (unsafe2.dummy), patched in place once the struct exists. Yaegi patches
// every placeholder of a group with one type, the last one the recursion
// met. With two types that point at each other (a List holding its root
// Element by value, whose elements point back to the List; a Tree and its
// Nodes, which point to their Tree and to each other) a field of one got
// the other's type: assigning to it panicked ("reflect.Set: value of type
// *struct {...} is not assignable"), or, where the placeholder was held by
// value, the struct was laid out without it and its fields read each
// other's memory, silently.
//
// Build makes those types itself, before the interpreter first needs
// them: each struct of a group with a placeholder of the right size where
// a field leads back into the group (a pointer, slice, map, channel or
// function: one word, or a slice's three), the structs a struct holds by
// value first, then every placeholder replaced by the type it stands for.
// The interpreter finds the types made and uses them.
package recursivetypes

import (
	"fmt"
	"reflect"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// Categories of Yaegi v0.16.1's types (interp.tcat), as far as Build
// needs them.
const (
	arrayT    = 1
	binT      = 2
	chanT     = 6
	chanSendT = 7
	chanRecvT = 8
	funcT     = 16
	linkedT   = 24
	mapT      = 25
	ptrT      = 26
	sliceT    = 27
	structT   = 30
	variadicT = 38
)

// itype is a view of one of the interpreter's *interp.itype.
type itype struct{ v reflect.Value } // the itype struct, addressable

// open returns v, an addressable field of the interpreter's that it does
// not export, readable and settable.
func open(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// field returns the field name of t, readable and settable.
func (t itype) field(name string) reflect.Value { return open(t.v.FieldByName(name)) }

func (t itype) cat() uint64  { return t.field("cat").Uint() }
func (t itype) name() string { return t.field("name").String() }
func (t itype) valid() bool  { return t.v.IsValid() }
func (t itype) ptr() uintptr { return t.v.UnsafeAddr() }
func (t itype) length() int  { return int(t.field("length").Int()) }
func (t itype) val() itype   { return itypeAt(t.field("val")) }
func (t itype) key() itype   { return itypeAt(t.field("key")) }
func (t itype) incomplete() bool {
	return t.field("incomplete").Bool()
}

// itypeAt returns the itype a *interp.itype value points to.
func itypeAt(p reflect.Value) itype {
	if p.Kind() != reflect.Pointer || p.IsNil() {
		return itype{}
	}
	return itype{p.Elem()}
}

// list returns the itypes of a []*interp.itype field.
func (t itype) list(name string) []itype {
	l := t.field(name)
	out := make([]itype, l.Len())
	for i := range out {
		out[i] = itypeAt(l.Index(i))
	}
	return out
}

// structField is one field of a struct itype.
type structField struct {
	name, tag string
	embed     bool
	typ       itype
}

func (t itype) fields() []structField {
	l := t.field("field")
	out := make([]structField, l.Len())
	for i := range out {
		f := l.Index(i)
		get := func(n string) reflect.Value { return open(f.FieldByName(n)) }
		out[i] = structField{get("name").String(), get("tag").String(), get("embed").Bool(), itypeAt(get("typ"))}
	}
	return out
}

// rtype returns the reflect type the interpreter has for t, or nil.
func (t itype) rtype() reflect.Type {
	r := t.field("rtype")
	if r.IsNil() {
		return nil
	}
	return r.Interface().(reflect.Type)
}

func (t itype) setRtype(r reflect.Type) { t.field("rtype").Set(reflect.ValueOf(&r).Elem()) }

// typeOf returns the interpreter's own reflect type of t (its TypeOf).
func (t itype) typeOf() reflect.Type {
	return open(t.v).Addr().MethodByName("TypeOf").Call(nil)[0].Interface().(reflect.Type)
}

// Build makes the reflect types of the named types of package pkg (the
// notebook's "main") for the interpreter, which has declared them and not
// yet made their reflect types. names are one group of mutually recursive
// types, as go/types sees them.
func Build(i *interp.Interpreter, pkg string, names []string) error {
	b := &builder{members: map[uintptr]itype{}, built: map[uintptr]reflect.Type{}}
	var order []itype
	for _, n := range names {
		t, err := lookup(i, pkg, n)
		if err != nil {
			return err
		}
		if t.incomplete() {
			return fmt.Errorf("type %s is not complete yet", n)
		}
		if t.rtype() != nil {
			return fmt.Errorf("type %s has its reflect type already", n)
		}
		b.members[t.ptr()] = t
		order = append(order, t)
	}
	for _, t := range order {
		if t.cat() == structT {
			if _, _, err := b.layout(t, nil); err != nil {
				return err
			}
		}
	}
	for _, p := range b.patches {
		setFieldType(p.s, p.i, b.final(p.t))
	}
	for _, t := range order {
		t.setRtype(b.final(t))
	}
	return nil
}

// builder makes the reflect types of one group.
type builder struct {
	members map[uintptr]itype        // the group's named types
	built   map[uintptr]reflect.Type // the reflect types of its structs
	patches []patch
}

// patch is a struct field made with a placeholder, to be given its type.
type patch struct {
	s reflect.Type // the struct
	i int          // the field
	t itype        // the field's type
}

// layout returns a reflect type of t with t's size and pointer layout,
// and whether it is t's own: a type that leads into the group through a
// pointer, slice, map, channel or function is a placeholder, given its
// type once every struct of the group is made. A struct of the group is
// made (once); holding stack by value.
func (b *builder) layout(t itype, stack []uintptr) (reflect.Type, bool, error) {
	if r, ok := b.built[t.ptr()]; ok {
		return r, true, nil
	}
	if !b.reaches(t, map[uintptr]bool{}) {
		return t.typeOf(), true, nil
	}
	switch t.cat() {
	case structT:
		for _, p := range stack {
			if p == t.ptr() {
				return nil, false, fmt.Errorf("type %s holds itself by value", t.name())
			}
		}
		r, err := b.structOf(t.fields(), append(stack, t.ptr()))
		if err != nil {
			return nil, false, err
		}
		if _, member := b.members[t.ptr()]; member {
			b.built[t.ptr()] = r
			return r, true, nil
		}
		return r, false, nil // an unnamed struct: given its final type with the field
	case arrayT:
		e, own, err := b.layout(t.val(), stack)
		if err != nil {
			return nil, false, err
		}
		return reflect.ArrayOf(t.length(), e), own, nil
	case linkedT:
		r, _, err := b.layout(t.val(), stack)
		return r, false, err
	}
	return placeholderOf(t), false, nil
}

// structOf makes a struct of fields, with placeholders where a field
// leads into the group through a reference.
func (b *builder) structOf(fs []structField, stack []uintptr) (reflect.Type, error) {
	sf := make([]reflect.StructField, len(fs))
	var later []int
	for i, f := range fs {
		typ, own, err := b.layout(f.typ, stack)
		if err != nil {
			return nil, err
		}
		if !own {
			later = append(later, i)
		}
		sf[i] = reflect.StructField{Name: exportName(f.name), Type: typ, Tag: reflect.StructTag(f.tag)}
		if len(fs) == 1 && f.embed {
			sf[i].Anonymous = true // as the interpreter marks it
		}
	}
	r := reflect.StructOf(sf)
	for _, i := range later {
		b.patches = append(b.patches, patch{r, i, fs[i].typ})
	}
	return r, nil
}

// final returns the reflect type of t once every struct of the group is
// made.
func (b *builder) final(t itype) reflect.Type {
	if r, ok := b.built[t.ptr()]; ok {
		return r
	}
	if !b.reaches(t, map[uintptr]bool{}) {
		return t.typeOf()
	}
	switch t.cat() {
	case ptrT:
		return reflect.PointerTo(b.final(t.val()))
	case sliceT, variadicT:
		return reflect.SliceOf(b.final(t.val()))
	case arrayT:
		return reflect.ArrayOf(t.length(), b.final(t.val()))
	case mapT:
		return reflect.MapOf(b.final(t.key()), b.final(t.val()))
	case chanT:
		return reflect.ChanOf(reflect.BothDir, b.final(t.val()))
	case chanRecvT:
		return reflect.ChanOf(reflect.RecvDir, b.final(t.val()))
	case chanSendT:
		return reflect.ChanOf(reflect.SendDir, b.final(t.val()))
	case linkedT:
		return b.final(t.val())
	case funcT:
		args, rets := t.list("arg"), t.list("ret")
		in, out := make([]reflect.Type, len(args)), make([]reflect.Type, len(rets))
		variadic := false
		for i, a := range args {
			in[i] = b.final(a)
			variadic = a.cat() == variadicT
		}
		for i, r := range rets {
			out[i] = b.final(r)
		}
		return reflect.FuncOf(in, out, variadic)
	case structT:
		fs := t.fields()
		sf := make([]reflect.StructField, len(fs))
		for i, f := range fs {
			sf[i] = reflect.StructField{Name: exportName(f.name), Type: b.final(f.typ), Tag: reflect.StructTag(f.tag), Anonymous: len(fs) == 1 && f.embed}
		}
		return reflect.StructOf(sf)
	}
	return t.typeOf()
}

// reaches reports whether t is or leads to a type of the group.
func (b *builder) reaches(t itype, seen map[uintptr]bool) bool {
	if !t.valid() || seen[t.ptr()] {
		return false
	}
	seen[t.ptr()] = true
	if _, ok := b.members[t.ptr()]; ok {
		return true
	}
	switch t.cat() {
	case binT:
		return false
	case structT:
		for _, f := range t.fields() {
			if b.reaches(f.typ, seen) {
				return true
			}
		}
		return false
	case funcT:
		for _, a := range append(t.list("arg"), t.list("ret")...) {
			if b.reaches(a, seen) {
				return true
			}
		}
		return false
	case mapT:
		return b.reaches(t.key(), seen) || b.reaches(t.val(), seen)
	}
	return b.reaches(t.val(), seen)
}

// placeholder is what a field that leads into the group through a
// reference holds until the group is made: the same size and pointer
// layout, and types of this package's own, so that reflect.StructOf,
// which keeps the structs it made, gives no one else the struct.
type placeholder struct{}

func placeholderOf(t itype) reflect.Type {
	switch t.cat() {
	case sliceT, variadicT:
		return reflect.TypeFor[[]*placeholder]()
	case linkedT:
		return placeholderOf(t.val())
	case funcT:
		return reflect.TypeFor[func(placeholder)]()
	}
	return reflect.TypeFor[*placeholder]() // a pointer, map or channel: one pointer
}

// setFieldType gives field i of struct s, which reflect.StructOf made,
// the type t, of the same layout. It is the function the interpreter
// patches its own recursive types with.
//
//go:linkname setFieldType github.com/traefik/yaegi/internal/unsafe2.SetFieldType
func setFieldType(s reflect.Type, i int, t reflect.Type)

// exportName is the interpreter's name for a struct field (reflect wants
// exported names).
func exportName(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return s
	}
	return "X" + s
}

// lookup returns the itype of the type named name in package pkg.
func lookup(i *interp.Interpreter, pkg, name string) (itype, error) {
	scopes := open(reflect.ValueOf(i).Elem().FieldByName("scopes"))
	sc := scopes.MapIndex(reflect.ValueOf(pkg))
	if !sc.IsValid() || sc.IsNil() {
		return itype{}, fmt.Errorf("no package %s in the interpreter", pkg)
	}
	sym := open(sc.Elem().FieldByName("sym")).MapIndex(reflect.ValueOf(name))
	if !sym.IsValid() || sym.IsNil() {
		return itype{}, fmt.Errorf("no type %s in the interpreter", name)
	}
	t := itypeAt(open(sym.Elem().FieldByName("typ")))
	if !t.valid() {
		return itype{}, fmt.Errorf("type %s has no type in the interpreter", name)
	}
	return t, nil
}
