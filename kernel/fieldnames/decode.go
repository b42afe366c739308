package fieldnames

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// DecodeJSON decodes as decode (json.Unmarshal, or a Decoder's Decode with
// the input dropped) into p, whose static type has shape: where a value of
// a notebook type with an UnmarshalJSON or UnmarshalText method is, the
// method decodes it, as json would have called it. decode reads the input
// whole first, so that bad JSON changes nothing.
func DecodeJSON(decode func(data []byte, p any) error, data []byte, p any, shape string) error {
	return decodeJSON(decode, data, p, shape, decoder{})
}

func decodeJSON(decode func(data []byte, p any) error, data []byte, p any, shape string, d decoder) error {
	s := parseShape(shape)
	v := reflect.ValueOf(p)
	if s == nil || s.kind != pointer || v.Kind() != reflect.Pointer || v.IsNil() {
		return decode(data, p)
	}
	if !needsMethods(s.elem, v.Type().Elem(), map[reflect.Type]bool{}) {
		// json alone, reading the input once
		return typeErrorNamed(decode(data, embeddedAnonymous(v, s.elem).Interface()), v.Type().Elem(), s.elem)
	}
	var raw json.RawMessage
	if err := decode(data, &raw); err != nil {
		return err
	}
	d.value(raw, v.Elem(), s.elem)
	if d.stop != nil {
		return d.stop
	}
	return d.saved
}

// DecodeJSONFrom is DecodeJSON for dec.Decode: the parts it decodes
// itself are decoded as dec would, with its UseNumber and
// DisallowUnknownFields.
func DecodeJSONFrom(dec *json.Decoder, p any, shape string) error {
	d := decoder{}
	if dec != nil {
		// The settings are unexported fields of the Decoder's
		// decodeState (encoding/json's stream.go): reflect reads them.
		st := reflect.ValueOf(dec).Elem().FieldByName("d")
		if f := st.FieldByName("useNumber"); f.Kind() == reflect.Bool {
			d.useNumber = f.Bool()
		}
		if f := st.FieldByName("disallowUnknownFields"); f.Kind() == reflect.Bool {
			d.disallowUnknown = f.Bool()
		}
	}
	return decodeJSON(func(_ []byte, p any) error { return dec.Decode(p) }, nil, p, shape, d)
}

// decoder keeps errors as json does: a value of the wrong type is skipped
// and the first such error reported at the end (saved), but an error of a
// method stops the decoding where it is (stop).
type decoder struct {
	saved, stop                error
	useNumber, disallowUnknown bool // a Decoder's settings
	// The struct and field being decoded, for the errors of values
	// decoded on their own (Scene.Main, an interface with methods), as
	// json's errors name them: the innermost struct, and the path of
	// fields from the root.
	inStruct, inField string
	// embeddedIn names the struct whose fields the struct decoded next
	// takes, being embedded in it: json names that one in errors.
	embeddedIn string
}

// unmarshal is json.Unmarshal with the Decoder's settings.
func (d *decoder) unmarshal(b []byte, p any) error {
	if !d.useNumber && !d.disallowUnknown {
		return json.Unmarshal(b, p)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if d.useNumber {
		dec.UseNumber()
	}
	if d.disallowUnknown {
		dec.DisallowUnknownFields()
	}
	return dec.Decode(p)
}

func (d *decoder) fail(err error) {
	var typeErr *json.UnmarshalTypeError
	if te, ok := err.(*json.UnmarshalTypeError); ok && d.inField != "" {
		// the error of a part decoded on its own: where it is, as json's
		// addErrorContext says
		if te.Field == "" {
			te.Struct, te.Field = d.inStruct, d.inField
		} else {
			te.Field = d.inField + "." + te.Field
		}
	}
	switch {
	case err == nil || d.stop != nil:
	case errors.As(err, &typeErr), strings.HasPrefix(err.Error(), "json: unknown field "):
		// (json goes on after either, and reports the first at the end)
		if d.saved == nil {
			d.saved = err
		}
	default:
		d.stop = err
	}
}

var null = []byte("null")

// value decodes b into the addressable v, of shape s.
func (d *decoder) value(b []byte, v reflect.Value, s *shape) {
	b = bytes.TrimSpace(b)
	if !needsMethods(s, v.Type(), map[reflect.Type]bool{}) {
		d.fail(typeErrorNamedIn(d.unmarshal(b, embeddedAnonymous(v.Addr(), s).Interface()), v.Type(), s, d.embeddedIn))
		return
	}
	if s != nil && s.kind == named {
		if c := s.codec(); c != nil && d.method(b, v, c, s.name) {
			return
		}
		if isBox(v.Type()) {
			d.interfaceValue(b, v, s.name)
			return
		}
		s = s.elem
	}
	switch {
	case s == nil && (v.Kind() != reflect.Struct || s.fieldShapes(v.Type()) == nil):
		d.fail(d.unmarshal(b, embeddedAnonymous(v.Addr(), nil).Interface()))
	case s != nil && s.kind == pointer && v.Kind() == reflect.Pointer:
		if bytes.Equal(b, null) {
			v.SetZero()
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(b, v.Elem(), s.elem)
	case s != nil && s.kind == sequence && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array):
		d.sequence(b, v, s.elem)
	case s != nil && s.kind == mapping && v.Kind() == reflect.Map:
		d.mapping(b, v, s)
	case v.Kind() == reflect.Struct:
		d.structure(b, v, s)
	default:
		d.fail(d.unmarshal(b, v.Addr().Interface()))
	}
}

// interfaceValue decodes b into v, the interpreter's box of a value of
// the notebook's interface with methods called name, as json decodes into
// an interface with methods: null makes it nil, a pointer it holds takes
// the value; else json cannot know what to make, and says so (the
// interpreter's box is a struct with no fields json sees, which took any
// object silently).
func (d *decoder) interfaceValue(b []byte, v reflect.Value, name string) {
	if bytes.Equal(b, null) {
		v.SetZero()
		return
	}
	if held := Unboxed(v); held.IsValid() && held.Kind() == reflect.Pointer && !held.IsNil() {
		d.value(b, held.Elem(), nil)
		return
	}
	d.fail(&json.UnmarshalTypeError{Value: jsonKind(b), Type: namedType{v.Type(), name}}) // (fail says where)
}

// method decodes b into v, a value of the notebook type called name, by
// c's UnmarshalJSON, or else its UnmarshalText for a JSON string (null
// changes nothing), and reports whether c has one.
func (d *decoder) method(b []byte, v reflect.Value, c *codec, name string) bool {
	if f, ok := c.unmarshal["json"]; ok {
		d.fail(f(v.Addr().Interface(), b))
		return true
	}
	f, ok := c.unmarshal["text"]
	if !ok {
		return false
	}
	if bytes.Equal(b, null) {
		return true
	}
	var text string
	if err := json.Unmarshal(b, &text); err != nil {
		d.fail(&json.UnmarshalTypeError{Value: jsonKind(b), Type: namedType{v.Type(), name}})
		return true
	}
	d.fail(f(v.Addr().Interface(), []byte(text)))
	return true
}

// jsonKind names the kind of the JSON value b, as json's errors do.
func jsonKind(b []byte) string {
	switch {
	case len(b) == 0:
		return "value"
	case b[0] == '{':
		return "object"
	case b[0] == '[':
		return "array"
	case b[0] == '"':
		return "string"
	case b[0] == 't' || b[0] == 'f':
		return "bool"
	default:
		return "number"
	}
}

// sequence decodes the JSON array b into the slice or array v, as json
// does: a slice gets as many elements as b has, reusing its array; an
// array keeps its length, zero past b's elements.
func (d *decoder) sequence(b []byte, v reflect.Value, elem *shape) {
	if len(b) == 0 || b[0] != '[' {
		if bytes.Equal(b, null) {
			if v.Kind() == reflect.Slice {
				v.SetZero()
			}
			return
		}
		d.fail(d.unmarshal(b, v.Addr().Interface())) // json's error
		return
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(b, &elems); err != nil {
		d.fail(err)
		return
	}
	for i, raw := range elems {
		if v.Kind() == reflect.Slice {
			if i >= v.Cap() {
				v.Grow(1)
			}
			if i >= v.Len() {
				v.SetLen(i + 1)
			}
		}
		if i < v.Len() {
			d.value(raw, v.Index(i), elem)
		}
		if d.stop != nil {
			return
		}
	}
	switch n := len(elems); {
	case v.Kind() == reflect.Array:
		for i := n; i < v.Len(); i++ {
			v.Index(i).SetZero()
		}
	case n == 0:
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	case n < v.Len():
		v.SetLen(n)
	}
}

// mapping decodes the JSON object b into the map v of shape s: keys by
// UnmarshalText where their type has it, values each into a new element.
func (d *decoder) mapping(b []byte, v reflect.Value, s *shape) {
	if len(b) == 0 || b[0] != '{' {
		if bytes.Equal(b, null) {
			v.SetZero()
			return
		}
		d.fail(d.unmarshal(b, v.Addr().Interface()))
		return
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil {
		d.fail(err)
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	kt, et := v.Type().Key(), v.Type().Elem()
	for name, raw := range members {
		k := reflect.New(kt).Elem()
		if !d.key(name, k, s.key) {
			continue
		}
		e := reflect.New(et).Elem()
		d.value(raw, e, s.elem)
		if d.stop != nil {
			return
		}
		v.SetMapIndex(k, e)
	}
}

// key decodes a member's name into the map key k, as json does: by
// UnmarshalText if its type has one, else as a string or a number.
func (d *decoder) key(name string, k reflect.Value, s *shape) bool {
	if s != nil && s.kind == named {
		if c := s.codec(); c != nil {
			if f, ok := c.unmarshal["text"]; ok {
				err := f(k.Addr().Interface(), []byte(name))
				d.fail(err)
				return err == nil
			}
		}
	}
	switch k.Kind() {
	case reflect.String:
		k.SetString(name)
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(name, 10, 64)
		if err != nil || k.OverflowInt(n) {
			d.fail(&json.UnmarshalTypeError{Value: "number " + name, Type: k.Type()})
			return false
		}
		k.SetInt(n)
		return true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(name, 10, 64)
		if err != nil || k.OverflowUint(n) {
			d.fail(&json.UnmarshalTypeError{Value: "number " + name, Type: k.Type()})
			return false
		}
		k.SetUint(n)
		return true
	}
	d.fail(&json.UnmarshalTypeError{Value: "object", Type: k.Type()})
	return false
}

// structure decodes the JSON object b into the struct v whose fields have
// shapes: json decodes the fields of no shape, into a struct of the same
// fields where those of a shape take the JSON as it is, then each of
// those is decoded by its shape. An embedded struct field of a shape, or
// a pointer to one, is decoded from the members of the object that its
// fields take, as json promotes them, but for those of the struct's own
// fields, which hide the embedded ones; json allocates an embedded
// pointer only for such a member.
func (d *decoder) structure(b []byte, v reflect.Value, s *shape) {
	t := v.Type()
	shapes := s.fieldShapes(t)
	name := goDeclaredName(t)
	if d.embeddedIn != "" {
		name, d.embeddedIn = d.embeddedIn, ""
	}
	inline := inlined(t, shapes)
	mirror, ok := rawFields(t, shapes, inline)
	if !ok {
		d.fail(d.unmarshal(b, v.Addr().Interface()))
		return
	}
	m := reflect.New(mirror).Elem()
	for i := range shapes {
		if shapes[i] == nil {
			sameMemory(m.Field(i), v.Field(i).Type()).Set(v.Field(i))
		}
	}
	own := func(key string) bool { return knows(t, key, inline) }
	err := d.unmarshal(members(b, func(key string) bool { return own(key) || !promoted(t, key, inline) }), m.Addr().Interface())
	d.fail(typeErrorNamedIn(err, t, s, name))
	outer, path := d.inStruct, d.inField
	defer func() { d.inStruct, d.inField = outer, path }()
	at := func(field string) string {
		if path == "" {
			return field
		}
		return path + "." + field // (Go's error names the path from the root: In.Main)
	}
	for i, fs := range shapes {
		switch {
		case inline[i]:
		case fs == nil:
			v.Field(i).Set(sameMemory(m.Field(i), v.Field(i).Type()))
		default:
			if raw := m.Field(i).Bytes(); raw != nil && d.stop == nil {
				f := t.Field(i)
				d.inStruct, d.inField = name, at(jsonName(f))
				if promotes(f) {
					d.embeddedIn = name
				}
				d.value(raw, v.Field(i), fs)
				d.embeddedIn = ""
			}
		}
	}
	for i := range inline {
		if !inline[i] || d.stop != nil {
			continue
		}
		f := v.Field(i)
		elem := f.Type()
		if elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		its := members(b, func(key string) bool { return !own(key) && knows(elem, key, nil) })
		if f.Kind() == reflect.Pointer && f.IsNil() {
			if bytes.Equal(its, []byte("{}")) {
				continue
			}
			f.Set(reflect.New(elem))
		}
		d.inStruct, d.inField, d.embeddedIn = name, at(t.Field(i).Name), name
		d.value(its, f, shapes[i])
		d.embeddedIn = ""
	}
}

var rawMessage = reflect.TypeFor[json.RawMessage]()

// rawFields returns struct type t with the fields that have a shape of
// type json.RawMessage, if reflect can make it (every field exported, no
// embedded field of a shape but those inline, which json skips). The others are of their anonymousMirror
// types, and an embedded struct field is Anonymous, so that json fills
// an embedded product's fields from {"Title":"odyssey"} as Go's does
// (Learn Go's marshaler lesson: it filled none).
func rawFields(t reflect.Type, shapes []*shape, inline []bool) (reflect.Type, bool) {
	if len(shapes) != t.NumField() {
		return nil, false
	}
	sf := make([]reflect.StructField, t.NumField())
	for i := range sf {
		sf[i] = t.Field(i)
		embedded := embedded(sf[i])
		if !sf[i].IsExported() || embedded && shapes[i] != nil && !inline[i] && !tagNamed(sf[i]) {
			return nil, false
		}
		if inline[i] {
			sf[i].Tag, sf[i].Anonymous = `json:"-"`, false
		} else if shapes[i] != nil {
			sf[i].Type = rawMessage
		} else {
			sf[i].Type, _ = anonymousMirror(sf[i].Type, map[reflect.Type]bool{})
			sf[i].Anonymous = embedded
			if embedded {
				sf[i].Type = methodless(sf[i].Type)
			}
		}
		sf[i].Offset, sf[i].Index = 0, nil
	}
	return reflect.StructOf(sf), true
}

// sameMemory returns v, addressable, as a value of type t, which has v's
// layout (an anonymousMirror of it, or v's own).
func sameMemory(v reflect.Value, t reflect.Type) reflect.Value {
	if v.Type() == t {
		return v
	}
	return reflect.NewAt(t, v.Addr().UnsafePointer()).Elem()
}

// namedType is a notebook type as json's errors name it: to reflection it
// is its underlying type.
type namedType struct {
	reflect.Type
	name string
}

func (t namedType) String() string { return t.name }

// Name is Go's: "Address" for main.Address.
func (t namedType) Name() string {
	name, _ := strings.CutPrefix(t.name, "main.") // ("" for []main.Address)
	return name
}

func (t namedType) PkgPath() string {
	if t.Name() == "" {
		return ""
	}
	return "main"
}

// IsTypeView reports whether t is a view of a notebook type that names it
// in a json error: %T of such a type is Go's *reflect.rtype.
func IsTypeView(t reflect.Type) bool {
	_, ok := t.(namedType)
	return ok
}

// needsMethods reports whether a value of type t and shape s holds a
// value whose type has a registered Unmarshal method: else json decodes
// it whole.
func needsMethods(s *shape, t reflect.Type, seen map[reflect.Type]bool) bool {
	if s == nil {
		return false
	}
	switch s.kind {
	case named:
		if c := s.codec(); c.decodesJSON() || isBox(t) {
			return true // (a box: see interfaceValue)
		}
		return needsMethods(s.elem, t, seen)
	case pointer, sequence:
		return (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array) &&
			needsMethods(s.elem, t.Elem(), seen)
	case mapping:
		if t.Kind() != reflect.Map {
			return false
		}
		if k := s.key; k != nil && k.kind == named {
			if c := k.codec(); c != nil && c.unmarshal["text"] != nil {
				return true
			}
		}
		return needsMethods(s.elem, t.Elem(), seen)
	case fields, literal:
		if t.Kind() != reflect.Struct || seen[t] {
			return false
		}
		seen[t] = true
		fs := s.fieldShapes(t)
		for i := 0; i < len(fs) && i < t.NumField(); i++ {
			if needsMethods(fs[i], t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// typeErrorNamed returns err, if it is json's *UnmarshalTypeError about a
// value of type root (of shape s) or in it, with the notebook's names for
// the types it names, as Go's json writes them ("Go struct field
// Task.S of type main.Status", where the interpreter's types gave ".S of
// type int"): the struct's name from the type name its first field is
// tagged with (tagStructs), the field's type's from the shape.
func typeErrorNamed(err error, root reflect.Type, s *shape) error {
	return typeErrorNamedIn(err, root, s, "")
}

// typeErrorNamedIn is typeErrorNamed where the struct root is, or holds,
// is called rootName in json's errors, if that is not "": the struct
// that embeds it.
func typeErrorNamedIn(err error, root reflect.Type, s *shape, rootName string) error {
	te, ok := err.(*json.UnmarshalTypeError)
	if !ok || te.Type == nil {
		return err
	}
	t, structName, atRoot, through := root, "", true, false
	if te.Field != "" {
		for _, name := range strings.Split(te.Field, ".") {
			s, t = elements(s, t, nil)
			if t.Kind() != reflect.Struct {
				return err
			}
			i := jsonField(t, name)
			if i < 0 {
				return err
			}
			if !through {
				// json names the struct of the object the field is a
				// member of, not the embedded ones the path goes through
				structName = goDeclaredName(t)
				if atRoot && rootName != "" {
					structName = rootName
				}
				atRoot = false
			}
			f := t.Field(i)
			through = promotes(f)
			fs := s.fieldShapes(t)
			s, t = nil, f.Type
			if i < len(fs) {
				s = fs[i]
			}
		}
	}
	if s, t = elements(s, t, te.Type); !mirrored(t, te.Type) {
		return err // (not the value the error is about)
	}
	out := *te
	out.Struct = structName
	p := printer{}
	if name := p.shapedTypeName(t, s); name != t.String() {
		out.Type = namedType{t, name} // (main.Address, []main.Address)
	}
	return &out
}

// tagNamed reports whether json takes field f by the name in its tag.
func tagNamed(f reflect.StructField) bool {
	key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return key != "" && key != "-"
}

// promotes reports whether json takes the fields of the embedded struct
// field f as the members of the struct holding it: an embedded struct, or
// a pointer to one, with no name in its tag.
func promotes(f reflect.StructField) bool {
	t := f.Type
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return embedded(f) && key == "" && t.Kind() == reflect.Struct
}

// mirrored reports whether a and b are one type, or b is a mirror of a
// decoded in its place (a struct of the same fields, or made of such).
func mirrored(a, b reflect.Type) bool {
	if a == b {
		return true
	}
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Slice:
		return mirrored(a.Elem(), b.Elem())
	case reflect.Array:
		return a.Len() == b.Len() && mirrored(a.Elem(), b.Elem())
	case reflect.Map:
		return mirrored(a.Key(), b.Key()) && mirrored(a.Elem(), b.Elem())
	case reflect.Struct:
		if a.NumField() != b.NumField() {
			return false
		}
		for i := range a.NumField() {
			if a.Field(i).Name != b.Field(i).Name || !mirrored(a.Field(i).Type, b.Field(i).Type) {
				return false
			}
		}
		return true
	}
	return false
}

// elements returns the type, and its shape, of what a value of type t (of
// shape s) holds under its pointers, slices, arrays and maps, down to
// type want if it is on the way.
func elements(s *shape, t, want reflect.Type) (*shape, reflect.Type) {
	for t != want {
		switch t.Kind() {
		case reflect.Pointer:
			s = s.inner(pointer)
		case reflect.Slice, reflect.Array:
			s = s.inner(sequence)
		case reflect.Map:
			s = s.inner(mapping)
		default:
			return s, t
		}
		t = t.Elem()
	}
	return s, t
}

// jsonField returns the index of the field of struct type t that json
// calls name, or -1.
func jsonField(t reflect.Type, name string) int {
	for i := range t.NumField() {
		if jsonName(t.Field(i)) == name {
			return i
		}
	}
	return -1
}

// jsonName is the name of field f's member in JSON.
func jsonName(f reflect.StructField) string {
	if key, _, _ := strings.Cut(f.Tag.Get("json"), ","); key != "" {
		return key
	}
	return f.Name
}

// declaredName is the name of the notebook struct type t, from the tag
// of its first field, "" for another type.
func declaredName(t reflect.Type) string {
	if t.Kind() != reflect.Struct || t.NumField() == 0 {
		return ""
	}
	name, _ := t.Field(0).Tag.Lookup("goconc")
	return name
}

// goDeclaredName is declaredName as Go's reflect names the type, without
// its package: Item for a type declared in a function, which
// kernel/generics named Itemᐧlocal, and Box[int] for an instance of a
// generic type, Boxᐸintᐳ (the name the cell registered for it).
func goDeclaredName(t reflect.Type) string {
	name := declaredName(t)
	if name == "" {
		return ""
	}
	if full, ok := StructName(t); ok {
		return strings.TrimPrefix(full, "main.")
	}
	return localName(name)
}

// embeddedAnonymous returns pointer p as a pointer to the same memory
// of a type whose embedded struct fields are Anonymous, in the pointed
// type, of shape s, and the types it holds, so that json fills an
// embedded Base's fields from {"ID":1} as Go's does. The two types have
// one layout: they differ in the flag, and in the methodless mirrors of
// compiled structs embedded.
func embeddedAnonymous(p reflect.Value, s *shape) reflect.Value {
	m, changed := shapedMirror(p.Type().Elem(), s, map[reflect.Type]bool{})
	if !changed {
		return p
	}
	return reflect.NewAt(m, p.UnsafePointer())
}

// mirrors holds the mirrors made, by type and shape: a
// mirrorKey -> reflect.Type, with Anonymous set.
var mirrors sync.Map

type mirrorKey struct {
	t reflect.Type
	s *shape // (shapes are interned: parseShape)
}

// anonymousMirror returns t with the embedded struct fields (EmbeddedKey)
// of the structs it is or holds Anonymous, and whether that is another
// type.
func anonymousMirror(t reflect.Type, seen map[reflect.Type]bool) (reflect.Type, bool) {
	return shapedMirror(t, nil, seen)
}

// shapedMirror is anonymousMirror of a type of shape s, which also says
// which fields of struct type literals are embedded (the interpreter's
// reflect type of a literal does not).
func shapedMirror(t reflect.Type, s *shape, seen map[reflect.Type]bool) (reflect.Type, bool) {
	key := mirrorKey{t, s}
	if m, ok := mirrors.Load(key); ok {
		return m.(reflect.Type), m.(reflect.Type) != t
	}
	if seen[t] {
		return t, false // (a type that holds itself: left as it is)
	}
	seen[t] = true
	defer delete(seen, t)
	m, changed := t, false
	switch t.Kind() {
	case reflect.Pointer:
		if e, ok := shapedMirror(t.Elem(), s.inner(pointer), seen); ok {
			m, changed = reflect.PointerTo(e), true
		}
	case reflect.Slice:
		if e, ok := shapedMirror(t.Elem(), s.inner(sequence), seen); ok {
			m, changed = reflect.SliceOf(e), true
		}
	case reflect.Array:
		if e, ok := shapedMirror(t.Elem(), s.inner(sequence), seen); ok {
			m, changed = reflect.ArrayOf(t.Len(), e), true
		}
	case reflect.Map:
		k, kc := shapedMirror(t.Key(), s.mapKey(), seen)
		e, ec := shapedMirror(t.Elem(), s.inner(mapping), seen)
		if kc || ec {
			m, changed = reflect.MapOf(k, e), true
		}
	case reflect.Struct:
		shapes := s.fieldShapes(t)
		embeds, _ := s.literalFields()
		sf := make([]reflect.StructField, t.NumField())
		for i := range sf {
			sf[i] = t.Field(i)
			if !sf[i].IsExported() {
				return t, false // (StructOf cannot make it)
			}
			var fs *shape
			if i < len(shapes) {
				fs = shapes[i]
			}
			if ft, ok := shapedMirror(sf[i].Type, fs, seen); ok {
				sf[i].Type, changed = ft, true
			}
			embedded := sf[i].Tag.Get(EmbeddedKey) == EmbeddedStruct || i < len(embeds) && embeds[i]
			if embedded && !sf[i].Anonymous {
				sf[i].Anonymous, changed = true, true
			}
			if m := methodless(sf[i].Type); embedded && m != sf[i].Type {
				sf[i].Type, changed = m, true // (the same layout)
			}
			sf[i].Offset, sf[i].Index = 0, nil
		}
		if changed {
			m = reflect.StructOf(sf)
		}
	}
	mirrors.Store(key, m)
	return m, changed
}
