package fieldnames

import (
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Plain returns v with every interpreter box in it replaced by the value
// the box holds, for compiled code that reads values by reflection: the
// encoders (encoding/json, encoding/xml, encoding/gob) and templates.
//
// The interpreter hands a value of one of the program's types with methods
// to compiled code as it is, but inside an interface in a slice, a map or a
// struct the value is in the interpreter's box (interp.valueInterface, a
// struct of two unexported fields), which json.Marshal wrote as {}: a
// map[string]any{"temp": Celsius(21)} became {"temp":{}}.
//
// Only what holds a box is copied: a value without one is returned as it
// is, so an encoder that writes into its argument (or a pointer in it)
// still writes into the program's value. Pointers are followed once each,
// so cycles end.
func Plain(v any) any {
	return plainer{seen: map[uintptr]reflect.Value{}}.of(v, nil)
}

// Comparable returns v as Plain does, but with each box replaced by a
// Boxed holding its type's name and its value: two values are
// reflect.DeepEqual as Go's would be. (Two boxes of equal values are not:
// a box holds where its value is stored, and a MyInt's value is an int.)
func Comparable(v any) any {
	return plainer{seen: map[uintptr]reflect.Value{}, named: true}.of(v, nil)
}

// Boxed is a value of a notebook type, and its type's name: Comparable's
// replacement of the interpreter's box.
type Boxed struct {
	Type  string
	Value any
}

// String is what Go's context writes of a key or value of b's type
// (context.WithValue(ctx, key("user"), "ann") prints as
// context.Background.WithValue(main.key, ann)): its String method's
// result, or its type's name.
func (b Boxed) String() string {
	if s, ok := StringOf(b.Type, reflect.ValueOf(b.Value)); ok {
		return s
	}
	return GoName(b.Type)
}

func (p plainer) of(v any, s *shape) any {
	rv := reflect.ValueOf(v)
	out, changed := p.plain(rv, s)
	if !changed || !out.IsValid() || !out.CanInterface() {
		return v
	}
	return out.Interface()
}

type plainer struct {
	// seen holds the copies of the pointers followed, or the invalid
	// value while a pointer's target is being copied.
	seen map[uintptr]reflect.Value
	// named says a box becomes a Boxed (Comparable), not its value.
	named bool
	// json says values of types with registered methods are encoded by
	// them (PlainJSON), found by the shape of the value's static type.
	json bool
	// template says values of types with a registered String method get
	// their slot's type (PlainTemplate), found so too.
	template bool
	// xmlText says values of types with a registered MarshalText method
	// are encoded by it (PlainXML), found by the shape of the value's
	// static type.
	xmlText bool
	// boxless says a field of a type holding boxes, or values with a
	// MarshalBinary method, gets its boxlessType even where its value
	// holds none (a nil []Shape is a nil []any), and such values are
	// encoded by the method: gob encodes a struct by its fields' types.
	boxless bool
}

// plain returns v without boxes, and whether that is a copy. The copy's
// type differs from v's where a box was in a place typed by the box's own
// type (a []Shape holds boxes, not interfaces): there it holds an any.
func (p plainer) plain(v reflect.Value, s *shape) (reflect.Value, bool) {
	if !v.IsValid() {
		return v, false
	}
	if s == nil && (p.json || p.xmlText || p.boxless || p.template) && (v.Kind() == reflect.Slice || v.Kind() == reflect.Map) {
		// A []Status that went into an any: the shape the cell kept
		// names its elements' type, and their methods.
		s = keptShapeOf(v)
	}
	if p.json {
		if e, ok := encoded(v, s, "json", "text"); ok {
			return e, true
		}
	}
	if p.xmlText {
		if e, ok := xmlMarshaledOf(v, s); ok {
			return e, true // (xml asks for MarshalXML first)
		}
		if e, ok := encoded(v, s, "text"); ok {
			return e, true
		}
	}
	if p.boxless {
		if e, ok := encoded(v, s, "binary"); ok {
			return e, true // (gob calls MarshalBinary)
		}
	}
	if p.template {
		if e, ok := stringed(v, s); ok {
			return e, true
		}
	}
	if (p.json || p.named) && isWrapper(v.Type()) {
		// The interpreter's wrapper giving a notebook value to compiled
		// code as an interface (fmt.Stringer): the value and its
		// methods as func fields, which json cannot write. Encoded, and
		// compared, is the value.
		u, _ := p.plain(v.Field(0), s)
		return u, true
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		e := v.Elem()
		if p.json && isWrapper(e.Type()) {
			u, _ := p.plain(e, s) // in a slot of type any if need be
			return u, true
		}
		u, changed := p.plain(e, nil)
		if !changed {
			return v, false
		}
		if !u.IsValid() {
			return reflect.Zero(v.Type()), true
		}
		if !u.Type().AssignableTo(v.Type()) {
			return v, false // (a compiled interface the plain value lacks)
		}
		w := reflect.New(v.Type()).Elem()
		w.Set(u)
		return w, true
	case reflect.Pointer:
		if v.IsNil() {
			return v, false
		}
		addr := v.Pointer()
		if c, ok := p.seen[addr]; ok {
			if c.IsValid() {
				return c, true
			}
			return v, false // being copied: a cycle
		}
		p.seen[addr] = reflect.Value{}
		e, changed := p.plain(v.Elem(), s.inner(pointer))
		if !changed {
			delete(p.seen, addr)
			return v, false
		}
		var c reflect.Value
		if isBox(v.Type().Elem()) {
			c = reflect.New(reflect.TypeFor[any]()) // (a *Shape's copy is an *any)
		} else {
			c = reflect.New(e.Type())
		}
		set(c.Elem(), e)
		p.seen[addr] = c
		return c, true
	case reflect.Struct:
		if isBox(v.Type()) {
			u, _ := p.plain(Unboxed(v), p.boxShape(v))
			if p.named {
				b := Boxed{Type: BoxName(v)}
				if u.IsValid() && u.CanInterface() {
					b.Value = u.Interface()
				}
				return reflect.ValueOf(b), true
			}
			return u, true
		}
		return p.plainStruct(v, s)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return v, false
		}
		elems, changed := make([]reflect.Value, v.Len()), false
		for i := range elems {
			var c bool
			elems[i], c = p.plain(v.Index(i), s.inner(sequence))
			changed = changed || c
		}
		if !changed {
			return v, false
		}
		et := elemType(v.Type().Elem(), elems)
		var c reflect.Value
		if v.Kind() == reflect.Slice {
			c = reflect.MakeSlice(reflect.SliceOf(et), len(elems), len(elems))
		} else {
			c = reflect.New(reflect.ArrayOf(len(elems), et)).Elem()
		}
		for i, e := range elems {
			set(c.Index(i), e)
		}
		return c, true
	case reflect.Map:
		if v.IsNil() {
			return v, false
		}
		var keys, vals []reflect.Value
		changed := false
		keyer := p
		keyer.json, keyer.template = false, false
		ks, texts := s.mapKey(), false
		for it := v.MapRange(); it.Next(); {
			k, kc := keyer.plain(it.Key(), nil)
			if p.json {
				if text, ok, err := keyText(it.Key(), ks); err != nil {
					return reflect.ValueOf(jsonEncoded{nil, err}), true
				} else if ok {
					k, kc, texts = reflect.ValueOf(text), true, true
				}
			}
			e, ec := p.plain(it.Value(), s.inner(mapping))
			changed = changed || kc || ec
			keys, vals = append(keys, k), append(vals, e)
		}
		if !changed {
			return v, false
		}
		kt, vt := elemType(v.Type().Key(), keys), elemType(v.Type().Elem(), vals)
		if texts {
			kt = reflect.TypeFor[string]() // the keys' texts (keyText)
		}
		c := reflect.MakeMapWithSize(reflect.MapOf(kt, vt), len(keys))
		for i, k := range keys {
			c.SetMapIndex(convert(k, kt), convert(vals[i], vt))
		}
		return c, true
	}
	return v, false
}

// plainStruct is plain of a struct of shape s that is not a box: where a
// field's plain value needs another type, the copy is of a struct type
// made with the same names and tags (encoders go by them).
func (p plainer) plainStruct(v reflect.Value, s *shape) (reflect.Value, bool) {
	t := v.Type()
	shapes := s.fieldShapes(t)
	embeds, hiddens := s.literalFields()
	embedded := func(i int) bool {
		return t.Field(i).Tag.Get(EmbeddedKey) == EmbeddedStruct || i < len(embeds) && embeds[i]
	}
	hidden := func(i int) bool { return p.json && i < len(hiddens) && hiddens[i] }
	fields := make([]reflect.Value, t.NumField())
	changed, retyped := false, false
	if (p.json || p.template) && (hasEmbedded(t) || slices.Contains(embeds, true)) {
		changed, retyped = true, true // a copy with its embedded fields Anonymous
	}
	if p.json && slices.Contains(hiddens, true) {
		changed, retyped = true, true // a copy json leaves the unexported fields of
	}
	for i := range fields {
		if !t.Field(i).IsExported() {
			fields[i] = v.Field(i) // (compiled code's own: it holds no box)
			continue
		}
		var c bool
		var fs *shape
		if (p.json || p.template || p.xmlText) && i < len(shapes) {
			fs = shapes[i]
		}
		fields[i], c = p.plain(v.Field(i), fs)
		if ft := t.Field(i).Type; p.boxless && !c {
			if m, ok := boxlessType(ft, false); ok && m != ft {
				fields[i], c = reflect.New(m).Elem(), true
				toBoxless(fields[i], v.Field(i))
			}
		}
		changed = changed || c
		retyped = retyped || fields[i].IsValid() && fields[i].Type() != t.Field(i).Type || c && isBox(t.Field(i).Type)
	}
	if !changed {
		return v, false
	}
	ct := t
	if retyped {
		sf := make([]reflect.StructField, t.NumField())
		for i := range sf {
			sf[i] = t.Field(i)
			if !sf[i].IsExported() {
				return v, false // StructOf cannot make it
			}
			if f := fields[i]; f.IsValid() && !isBox(sf[i].Type) && !f.Type().AssignableTo(sf[i].Type) {
				sf[i].Type = f.Type() // ([]any for a []Shape: gob encodes what it is given)
			} else {
				sf[i].Type = elemType(sf[i].Type, fields[i:i+1])
			}
			sf[i].Offset, sf[i].Index = 0, nil
			if (p.json || p.template) && embedded(i) {
				sf[i].Anonymous = true
				// A template calls the methods an embedded field
				// promotes: only a type without them is mirrored.
				if m := methodless(sf[i].Type); m != sf[i].Type {
					sf[i].Type = m
					if fields[i].IsValid() {
						fields[i] = inMirror(fields[i], m)
					}
				}
			}
			if hidden(i) {
				sf[i].Tag = reflect.StructTag(strings.TrimSpace(string(withoutKey(sf[i].Tag, "json")) + ` json:"-"`))
			}
		}
		ct = reflect.StructOf(sf)
		if sameLayout(t, ct) {
			originals.Store(ct, t)
		} else if p.template {
			restorable.Store(ct, t)
		}
	}
	c := reflect.New(ct).Elem()
	for i, f := range fields {
		set(c.Field(i), f)
	}
	return c, true
}

// originals holds, for each copy's struct type that differs from its
// value's only in Anonymous flags, the value's: a reflect.Type to a
// reflect.Type.
var originals sync.Map

// Original returns the type of the notebook's struct values that
// PlainTemplate's copies of type t were made from, if t differs from it
// only in the flags of its embedded fields, and in the methodless mirrors
// of compiled structs it embeds for them: the two have one layout, and
// only the original has the methods the notebook registered
// (kernel/methodsets).
func Original(t reflect.Type) (reflect.Type, bool) {
	o, ok := originals.Load(t)
	if !ok {
		return nil, false
	}
	return o.(reflect.Type), true
}

// sameLayout reports whether struct types a and b have fields of the
// same types.
func sameLayout(a, b reflect.Type) bool {
	if a.NumField() != b.NumField() {
		return false
	}
	for i := range a.NumField() {
		// (A copy embeds a methodless mirror of a compiled struct: the
		// same layout.)
		if fa, fb := a.Field(i).Type, b.Field(i).Type; fa != fb && methodless(fa) != fb {
			return false
		}
	}
	return true
}

// elemType returns t if every value in vs fits in it, else their type if
// they are of one, else any.
func elemType(t reflect.Type, vs []reflect.Value) reflect.Type {
	if isBox(t) {
		return reflect.TypeFor[any]() // (a nil box is a nil any: null to json, not {})
	}
	for _, v := range vs {
		if v.IsValid() && !v.Type().AssignableTo(t) {
			if one := oneType(vs); one != nil {
				return one // (gob encodes by the static type: a []Point's copy is a []binaryEncoded)
			}
			return reflect.TypeFor[any]()
		}
	}
	return t
}

// oneType returns the type of every value in vs, nil if they are not all
// valid and of one type.
func oneType(vs []reflect.Value) reflect.Type {
	var t reflect.Type
	for _, v := range vs {
		if !v.IsValid() || t != nil && v.Type() != t {
			return nil
		}
		t = v.Type()
	}
	return t
}

// set stores v in the settable dst; an invalid v (a nil box) leaves the
// zero value.
func set(dst, v reflect.Value) {
	if v.IsValid() {
		dst.Set(v)
	}
}

// convert returns v as a value of type t (which v is assignable to), the
// zero value for an invalid v.
func convert(v reflect.Value, t reflect.Type) reflect.Value {
	c := reflect.New(t).Elem()
	set(c, v)
	return c
}

// boxShape returns the shape of the value in box v, for PlainJSON and
// PlainTemplate: its type's, if that has registered methods.
func (p plainer) boxShape(v reflect.Value) *shape {
	name := BoxName(v)
	_, codec := byName.Load(name)
	_, stringer := stringerTypes.Load(name)
	if (p.json || p.xmlText) && codec || p.template && stringer {
		return parseShape("@" + name + ";-")
	}
	return nil
}

// IsWrapper is isWrapper, for the evaluator.
func IsWrapper(t reflect.Type) bool { return isWrapper(t) }

// isWrapper reports whether t is the type of the interpreter's wrapper
// of a notebook value in a compiled interface (fmt.Stringer, error): a
// struct whose first field, IValue, holds the value, and whose others
// hold its methods (Yaegi's symbol tables generate one per interface).
func isWrapper(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.NumField() > 0 && t.Field(0).Name == "IValue" && t.Field(0).Type.Kind() == reflect.Interface
}

// hasEmbedded reports whether struct type t has a field kernel/program
// marked embedded (EmbeddedKey).
func hasEmbedded(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get(EmbeddedKey) == EmbeddedStruct {
			return true
		}
	}
	return false
}
