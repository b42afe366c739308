// Package fieldnames formats values as fmt does, with the field names the
// program declared.
//
// The interpreter builds a notebook's struct types with reflect.StructOf,
// which cannot make unexported fields: it exports them, age as Xage. fmt
// prints field names for %+v and %#v, so a cell printed {Xage:3} where Go
// prints {age:3}; and fmt calls the String method of a value in an exported
// field, where Go, which cannot reach into an unexported one, prints the
// value itself. Value hands fmt a Formatter that walks the value as fmt's
// own printValue does, naming each renamed field as it was declared and
// formatting what is under it as fmt formats what is under an unexported
// field. Everything it does not walk (numbers, strings, values with
// methods) it formats with fmt itself, with the same verb, flags and width.
package fieldnames

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Value returns v for fmt's %v, %+v and %#v (Print, Println and the
// rest format with %v) with the names the program declared. exported
// lists, comma-separated, the program's exported field names that look
// like renamed ones (Xmin), which stay as they are. types describes the
// notebook's types v can hold, three values for each: a value of the type,
// its Go name for %#v (main.point; the interpreter's types have none) or
// "", and a function calling the method fmt would call on it, or nil: a
// func(any) string calling String, or a func(any) error converting to an
// error for Error. (Inside another value, the interpreter's values have no
// methods for fmt.) A nil value names a type known by its name only: a
// named type that is not a struct, whose values are those of its
// underlying type to reflect, but which the interpreter's box names (see
// BoxName). Other verbs format v as fmt does.
func Value(v any, exported string, types ...any) any {
	if rv := reflect.ValueOf(v); rv.IsValid() && isBox(rv.Type()) && !Unboxed(rv).IsValid() {
		v = nil // (a box of nothing: any(x) of a nil interface x)
	}
	f := formatter{v: v}
	if exported != "" {
		f.exported = strings.Split(exported, ",")
	}
	for i := 0; i+2 < len(types); i += 3 {
		t := reflect.TypeOf(types[i])
		if t == nil && types[i+1] == "" {
			// nil, "", the shape of v's static type.
			if text, ok := types[i+2].(string); ok {
				f.shape = parseShape(text)
			}
			continue
		}
		if t == nil {
			if name, _ := types[i+1].(string); name != "" {
				if m, ok := methodOf(types[i+2]); ok {
					if f.boxed == nil {
						f.boxed = map[string]method{}
					}
					f.boxed[name] = f.boxed[name].with(m)
				}
			}
			continue
		}
		if name, _ := types[i+1].(string); name != "" {
			if f.names == nil {
				f.names = map[reflect.Type]string{}
			}
			if _, dup := f.names[t]; !dup {
				f.names[t] = name
			}
		}
		m, ok := methodOf(types[i+2])
		if !ok {
			continue
		}
		if f.methods == nil {
			f.methods = map[reflect.Type]method{}
		}
		f.methods[t] = f.methods[t].with(m)
	}
	return f
}

// GoStringFunc calls the GoString method of a value of a notebook type:
// a cell's function converted to it tells Value that the method is
// GoString, not String.
type GoStringFunc func(any) string

// ErrorFunc calls the Error method of a value of a notebook type, in the
// cell: on a nil pointer too, which the interpreter converted to a nil
// error.
type ErrorFunc func(any) string

// methodOf returns the method fmt calls that fn calls: a func(any) string
// calling String, a func(any) error converting to an error for Error, a
// func(any, fmt.State, rune) calling Format (for every verb), or a
// GoStringFunc calling GoString (for %#v). The methods are called in the
// cell, on the value itself, as fmt calls them: on a nil pointer too.
func methodOf(fn any) (method, bool) {
	switch fn := fn.(type) {
	case func(any) string:
		return method{name: "String", call: fn}, true
	case func(any) error:
		return method{name: "Error", call: func(v any) string { return fn(v).Error() }}, true
	case func(any, fmt.State, rune):
		return method{name: "Format", format: fn}, true
	case GoStringFunc:
		return method{name: "GoString", goString: fn}, true
	case ErrorFunc:
		return method{name: "Error", call: fn}, true
	}
	return method{}, false
}

// formatCall is a value whose Format method is a notebook type's.
type formatCall struct {
	v      any
	format func(any, fmt.State, rune)
}

func (f formatCall) Format(s fmt.State, verb rune) { f.format(f.v, s, verb) }

// with returns m with the methods of o it lacks: a type's String and its
// GoString come in two of Value's triples.
func (m method) with(o method) method {
	if m.call == nil {
		m.name, m.call = o.name, o.call
	}
	if m.format == nil {
		m.format = o.format
	}
	if m.goString == nil {
		m.goString = o.goString
	}
	return m
}

// Values is Value for each of vs: fmt.Println(vs...) prints them as
// fmt.Println(Value(vs[0]), Value(vs[1]), ...) would.
func Values(vs []any, exported string, types ...any) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = Value(v, exported, types...)
	}
	return out
}

// ValuesWrapping is Values for the operands of fmt.Errorf, whose %w takes
// an error operand itself: an error is handed on as it is (fmt calls its
// Error method for every verb but %#v, %T and %p anyway). A value of one
// of the notebook's error types, which a slice spread into Errorf holds in
// the interpreter's box (no error to Go), is handed on as the error its
// type's converter among types makes: %w printed the hook's formatter,
// and errors.As found nothing.
func ValuesWrapping(vs []any, exported string, types ...any) []any {
	out := Values(vs, exported, types...)
	for i, v := range vs {
		if _, ok := v.(error); ok {
			out[i] = v
		} else if e, ok := asError(v, types); ok {
			out[i] = e
		}
	}
	return out
}

// asError returns v, a value of one of the notebook's error types, as an
// error, made by the converter types give for its type (a sample value,
// its name and a func(any) error, for each). A type that is not a struct
// is known by the name in v's box: its values' reflect type is its
// underlying type's, which others share.
func asError(v any, types []any) (error, bool) {
	box := BoxName(reflect.ValueOf(v))
	u := Unboxed(reflect.ValueOf(v))
	if !u.IsValid() || !u.CanInterface() {
		return nil, false
	}
	for i := 0; i+2 < len(types); i += 3 {
		toError, ok := types[i+2].(func(any) error)
		if !ok {
			continue
		}
		if name, _ := types[i+1].(string); types[i] == nil && box != "" && GoName(box) == name {
			// Named by the box: the converter asserts it; the wrapper
			// keeps the box, by which == and errors.Is know the type.
			e := toError(v)
			KeepBox(reflect.ValueOf(e), reflect.ValueOf(v))
			return e, e != nil
		}
		if types[i] == nil || reflect.TypeOf(types[i]) != u.Type() {
			continue
		}
		if struct_ := u.Kind() == reflect.Struct || u.Kind() == reflect.Pointer && u.Type().Elem().Kind() == reflect.Struct; !struct_ {
			if name, _ := types[i+1].(string); box == "" || GoName(box) != name {
				continue
			}
		}
		e, _ := Rewrapped(toError(u.Interface()), u.Interface()).(error)
		return e, e != nil
	}
	return nil, false
}

// Rewrapped is w, the interpreter's wrapper giving a value of the
// notebook's to compiled code as an interface (an error, a fmt.Stringer),
// made to hold v, that value: Yaegi's wrapper of a struct value holds the
// struct's last field instead (getConcreteValue takes a struct without
// methods for an emulated interface), so asserting the error back to the
// struct's type failed, and errors.As, %T and the timeline saw the field.
func Rewrapped(w any, v any) any {
	x := reflect.ValueOf(w)
	if v == nil || x.Kind() != reflect.Struct || x.NumField() == 0 || x.Type().Field(0).Name != "IValue" || x.Field(0).Kind() != reflect.Interface {
		return w
	}
	c := reflect.New(x.Type()).Elem()
	c.Set(x)
	c.Field(0).Set(reflect.ValueOf(v))
	return c.Interface()
}

// Printed is Value for an operand of fmt's Print, Sprint, Fprint or
// Append, which put a space between two operands when neither is a
// string: an operand that is a string to Go (a string, or a value of a
// notebook type of a string kind, in the interpreter's box or wrapper) is
// given back as the string it prints, so that fmt sees a string, as it
// would have seen Go's, and spaces the operands as Go does.
func Printed(v any, exported string, types ...any) any {
	f := Value(v, exported, types...).(formatter)
	u := Unboxed(reflect.ValueOf(v))
	if u.IsValid() && isWrapper(u.Type()) {
		u = Unboxed(u.Field(0).Elem())
	}
	if !u.IsValid() || u.Kind() != reflect.String {
		return f
	}
	return fmt.Sprint(f)
}

// PrintedEach is Printed for each of vs, as Values is Value.
func PrintedEach(vs []any, exported string, types ...any) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = Printed(v, exported, types...)
	}
	return out
}

// Sprint formats v with %+v, as Value would.
func Sprint(v any) string { return fmt.Sprintf("%+v", formatter{v: v}) }

type formatter struct {
	v        any
	exported []string
	names    map[reflect.Type]string
	methods  map[reflect.Type]method
	boxed    map[string]method // by the name in the interpreter's box
	// shape is where in v the notebook's named types are that are not
	// structs: their values have their underlying types' reflect types
	// (a Status is an int), so only the place tells a Status from an int.
	// Their methods are in boxed.
	shape *shape
}

// method holds the methods fmt calls on values of a notebook type: String
// or Error (call, named name), Format and GoString.
type method struct {
	name     string
	call     func(any) string
	format   func(any, fmt.State, rune)
	goString func(any) string
}

func (f formatter) Format(s fmt.State, verb rune) {
	spec := fmt.FormatString(s, verb)
	sharpV := verb == 'v' && s.Flag('#')
	if m, v, ok := f.boxedMethod(reflect.ValueOf(f.v)); ok {
		p := printer{f: f, spec: spec, verb: verb, sharp: sharpV}
		if p.applied(m, v) {
			s.Write(p.buf)
			return
		}
	}
	if f.shape == nil {
		f.shape = boxedShape(reflect.ValueOf(f.v))
	}
	rv := Unboxed(reflect.ValueOf(f.v))
	if f.shape == nil {
		f.shape = keptShapeOf(rv) // (a []Celsius that went into an any)
	}
	if p := (printer{f: f, spec: spec, verb: verb, sharp: sharpV}); rv.IsValid() && p.formatsHeld(rv) {
		// (an error holding a value with a Format method)
		held, _ := WrapperHeld(rv)
		if p.applied(f.methods[held.Type()], held) {
			s.Write(p.buf)
			return
		}
	}
	if rv.IsValid() && isWrapper(rv.Type()) && !hasMethods(rv, verb, sharpV) {
		// The interpreter's wrapper of a value in a compiled interface
		// (an io.Reader; an error or a Stringer, whose methods fmt does
		// not call for this verb): fmt formats the value.
		rv = rv.Field(0).Elem()
	}
	if sharpV && BoxName(reflect.ValueOf(f.v)) != "" {
		switch rv.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			// %#v names the type (main.Ints{1}): the box knows it.
			p := printer{f: f, spec: spec, verb: verb, sharp: true}
			p.value(reflect.ValueOf(f.v), 0, false, nil)
			s.Write(p.buf)
			return
		}
	}
	if !rv.IsValid() || !f.renames(rv.Type(), 0) && f.shape == nil || hasMethods(rv, verb, sharpV) {
		v := f.v
		if rv.IsValid() && rv.CanInterface() {
			v = rv.Interface() // (unboxed)
		}
		s.Write(namedBadVerb(fmt.Appendf(nil, spec, v), verb, rv, BoxName(reflect.ValueOf(f.v))))
		return
	}
	// fmt walks a value the same way for every verb, formatting what it
	// reaches with the verb, and calling String or Error for some.
	p := printer{f: f, spec: spec, verb: verb, plus: verb == 'v' && s.Flag('+'), sharp: sharpV}
	if fv := reflect.ValueOf(f.v); rv.IsValid() && Fieldless(rv.Type()) {
		// (Its box names which struct{} it is: the value's own, or the
		// one kept for the wrapper that gives it to compiled code.)
		if b, ok := WrapperBox(fv); ok {
			rv = b
		} else if BoxName(fv) != "" {
			rv = fv
		}
	}
	p.value(rv, 0, false, f.shape)
	s.Write(p.buf)
}

// renames reports whether values of t can hold a struct with a renamed
// field, that fmt would print by its interpreter's name, or one of
// goconc's locks, that it would print by goconc's fields.
func (f formatter) renames(t reflect.Type, depth int) bool {
	if depth > 10 {
		return false
	}
	if _, ok := f.methods[t]; ok || isBox(t) || isLibSync(t) {
		return true
	}
	if _, ok := structNames.Load(t); ok {
		return true // (%#v names it; fmt would spell the interpreter's struct)
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f.renamed(t, i) || f.renames(t.Field(i).Type, depth+1) {
				return true
			}
		}
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return f.renames(t.Elem(), depth+1)
	case reflect.Chan:
		return f.renames(t.Elem(), depth+1) // (%#v spells its type)
	case reflect.Map:
		return f.renames(t.Key(), depth+1) || f.renames(t.Elem(), depth+1)
	case reflect.Interface:
		return true // what it holds is seen when it is printed
	}
	return false
}

// renamed reports whether field i of struct type t is one the interpreter
// exported: Xage for age, in a struct type without a name. A struct type
// the notebook declared says so by its tags (structfield.go's renamed);
// one written in place (struct{ n int }) has none, and its Xn is taken
// for a renamed n unless the program exports a field of that name.
func (f formatter) renamed(t reflect.Type, i int) bool {
	if t.Name() != "" {
		return false
	}
	if _, declared := structNames.Load(t); declared {
		return renamed(t.Field(i))
	}
	name := t.Field(i).Name
	return LooksRenamed(name) && !slices.Contains(f.exported, name) && !exportedLookalike(name)
}

// exportedLookalikes are the exported field names of the notebook's struct
// types that look renamed (Xmin), as RegisterExportedFields recorded them.
var exportedLookalikes sync.Map // string -> bool

// RegisterExportedFields records names, comma-separated: exported fields
// of the notebook's struct types that look renamed (LooksRenamed). A
// struct type written in place has no tag to tell its renamed fields by:
// its Xmin is taken for a renamed min unless the notebook exports an Xmin.
func RegisterExportedFields(names string) {
	for _, n := range strings.Split(names, ",") {
		if n != "" {
			exportedLookalikes.Store(n, true)
		}
	}
}

func exportedLookalike(name string) bool {
	_, ok := exportedLookalikes.Load(name)
	return ok
}

// InPlaceRenamed reports whether name, a field of a struct type without
// the tags of a declared one, is one the interpreter renamed: Xage for
// age.
func InPlaceRenamed(name string) bool {
	return LooksRenamed(name) && !exportedLookalike(name)
}

// GoTypeString is t as Go spells it, for a type the interpreter made:
// the notebook's struct types by their names, and the unexported fields
// of a struct type written in place by their declared names
// (struct { n int }, where reflect says struct { Xn int }). exported
// lists the notebook's exported fields that look renamed (Xmin).
func GoTypeString(t reflect.Type, exported ...string) string {
	p := printer{f: formatter{exported: exported}}
	return p.typeName(t)
}

// LooksRenamed reports whether an exported field name is one the
// interpreter could have made of an unexported one: X, then no upper-case
// letter (Xage for age; Xmin could also be the program's own).
func LooksRenamed(name string) bool {
	if len(name) < 2 || name[0] != 'X' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name[1:])
	return !unicode.IsUpper(r)
}

// hasMethods reports whether fmt formats v with verb by a method of its
// own; sharpV is %#v.
func hasMethods(v reflect.Value, verb rune, sharpV bool) bool {
	t := v.Type()
	switch {
	case t.Implements(formatterType):
		return true
	case sharpV:
		return t.Implements(goStringerType)
	case CallsString(verb):
		return t.Implements(stringerType) || t.Implements(errorType)
	}
	return false
}

// CallsString reports whether fmt formats a Stringer or an error with
// verb by its String or Error method.
func CallsString(verb rune) bool {
	return verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X'
}

// namedBadVerb gives back out, what fmt wrote of v with verb, with the
// type in fmt's complaint of a wrong verb (%!d(float64=21.5)) named as
// Go names it (main.Celsius) when box, the name in the interpreter's box
// (BoxName), says v is of one of the notebook's named types.
func namedBadVerb(out []byte, verb rune, v reflect.Value, box string) []byte {
	if box == "" || !v.IsValid() {
		return out
	}
	prefix := "%!" + string(verb) + "(" + v.Type().String() + "="
	if !bytes.HasPrefix(out, []byte(prefix)) {
		return out
	}
	return slices.Concat([]byte("%!"+string(verb)+"("+GoName(box)+"="), out[len(prefix):])
}

var (
	formatterType  = reflect.TypeFor[fmt.Formatter]()
	stringerType   = reflect.TypeFor[fmt.Stringer]()
	goStringerType = reflect.TypeFor[fmt.GoStringer]()
	errorType      = reflect.TypeFor[error]()
)

// printer is fmt's printValue for the verbs v, s, q, x and X, over
// reflect values.
type printer struct {
	f           formatter
	spec        string
	verb        rune
	plus, sharp bool
	buf         []byte
	// spelling holds the struct types typeName is writing out: a type
	// of the interpreter's can hold itself without a name between
	// (a recursive type declared inside a function).
	spelling map[reflect.Type]bool
}

// formatsHeld reports whether the value in the interpreter's wrapper w,
// or in an interface holding one, has a Format method, or a GoString method for %#v, which the wrapper
// (an error's, a Stringer's) has not.
func (p *printer) formatsHeld(w reflect.Value) bool {
	if w.Kind() == reflect.Interface {
		w = w.Elem() // (an element of an []error)
	}
	held, ok := WrapperHeld(w)
	if !ok || !held.IsValid() {
		return false
	}
	m, ok := p.f.methods[held.Type()]
	return ok && (m.format != nil || p.sharp && p.verb == 'v' && m.goString != nil)
}

// callsMethods reports whether fmt calls String or Error for p's verb.
func (p *printer) callsMethods() bool { return !p.sharp && CallsString(p.verb) }

// value prints v at depth, as fmt does; hidden says v was reached through
// an unexported field, so that fmt could not call its methods.
func (p *printer) value(v reflect.Value, depth int, hidden bool, sh *shape) {
	if v.IsValid() && isWrapper(v.Type()) && (depth > 0 && (hidden || !hasMethods(v, p.verb, p.sharp)) || p.formatsHeld(v)) {
		// The interpreter's wrapper of a value of the notebook's in a
		// compiled interface (a field of type fmt.Stringer or error)
		// whose methods fmt does not call (an unexported field's, or
		// for the verb): fmt prints the value, {3}, not {{3 0x4e5280}}.
		// Where it calls them, the wrapper has them.
		v, _ = WrapperHeld(v)
	}
	if m, u, ok := p.f.boxedMethod(v); ok && !hidden && p.applied(m, u) {
		return
	}
	boxName := BoxName(v) // (%#v names the type: a box knows it, reflect not)
	if sh != nil && sh.kind == named {
		// A value of the notebook's named type sh.name, not boxed here.
		if m, ok := p.f.boxed[sh.name]; ok && boxName == "" && !hidden && v.IsValid() && v.CanInterface() && p.applied(m, v) {
			return
		}
		if boxName == "" {
			boxName = sh.name
		}
		sh = sh.elem
	}
	if sh == nil && boxName != "" {
		sh = boxedShape(v) // (a Temps in a field of type any)
	}
	if sh == nil {
		sh = keptShapeOf(v) // (a []Celsius there)
	}
	v = Unboxed(v)
	typeName := func(t reflect.Type) string {
		if name, ok := p.f.names[t]; ok && t.Kind() == reflect.Struct {
			return name // (a generic type's instance: main.H[string], not the box's main.Hᐸstringᐳ)
		}
		if boxName != "" {
			return GoName(boxName)
		}
		return p.shapedTypeName(t, sh)
	}
	// A struct type without fields is struct{} to reflect, whichever of
	// the notebook's it is: one in a box is known by the box's name
	// alone (boxedMethod), not by the methods of another such type.
	byBox := boxName != "" && v.IsValid() && Fieldless(v.Type())
	if v.IsValid() && !hidden && v.CanInterface() && !byBox {
		if m, ok := p.f.methods[v.Type()]; ok && p.applied(m, v) {
			return
		}
		if depth > 0 && hasMethods(v, p.verb, p.sharp) && !p.formatsHeld(v) {
			p.buf = fmt.Appendf(p.buf, p.spec, v.Interface())
			return
		}
	}
	switch v.Kind() {
	case reflect.Invalid:
		if depth == 0 {
			p.buf = append(p.buf, "<invalid reflect.Value>"...)
		} else if p.sharp && p.verb == 'v' && boxName != "" {
			// A nil value of one of the notebook's interfaces, which
			// its shape names: main.Shape(nil).
			p.buf = append(p.buf, GoName(boxName)+"(nil)"...)
		} else {
			p.buf = fmt.Appendf(p.buf, p.spec, nil)
		}
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.String:
		at := len(p.buf)
		p.buf = append(p.buf[:at], namedBadVerb(fmt.Appendf(nil, p.spec, leaf(v, hidden)), p.verb, v, boxName)...)
	case reflect.Map:
		if p.sharp {
			p.buf = append(p.buf, typeName(v.Type())...)
			if v.IsNil() {
				p.buf = append(p.buf, "(nil)"...)
				return
			}
			p.buf = append(p.buf, '{')
		} else {
			p.buf = append(p.buf, "map["...)
		}
		keys := v.MapKeys()
		slices.SortStableFunc(keys, compare)
		for i, k := range keys {
			p.sep(i)
			p.value(k, depth+1, hidden, sh.mapKey())
			p.buf = append(p.buf, ':')
			p.value(v.MapIndex(k), depth+1, hidden, sh.inner(mapping))
		}
		if p.sharp {
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, ']')
		}
	case reflect.Struct:
		if std, ok := stdSyncView(v); ok {
			v = std
		}
		t := v.Type()
		if p.sharp {
			p.buf = append(p.buf, typeName(t)...)
		}
		p.buf = append(p.buf, '{')
		for i := 0; i < v.NumField(); i++ {
			p.sep(i)
			renamed := p.f.renamed(t, i)
			if p.plus || p.sharp {
				name := localName(t.Field(i).Name)
				if renamed {
					name = name[1:]
				}
				p.buf = append(p.buf, name...)
				p.buf = append(p.buf, ':')
			}
			field := v.Field(i)
			if field.Kind() == reflect.Interface && !field.IsNil() {
				field = field.Elem()
			}
			var fs *shape
			if shapes := sh.fieldShapes(t); i < len(shapes) {
				fs = shapes[i]
			}
			p.value(field, depth+1, hidden || renamed || !t.Field(i).IsExported(), fs)
		}
		p.buf = append(p.buf, '}')
	case reflect.Interface:
		if e := v.Elem(); e.IsValid() {
			p.value(e, depth+1, hidden, nil)
		} else if p.sharp {
			p.buf = append(p.buf, typeName(v.Type())...)
			p.buf = append(p.buf, "(nil)"...)
		} else {
			p.buf = append(p.buf, "<nil>"...)
		}
	case reflect.Array, reflect.Slice:
		if p.verb != 'v' && v.Type().Elem().Kind() == reflect.Uint8 {
			// %s, %q and %x format bytes as one string.
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			p.buf = fmt.Appendf(p.buf, p.spec, b)
			return
		}
		if p.sharp {
			p.buf = append(p.buf, typeName(v.Type())...)
			if v.Kind() == reflect.Slice && v.IsNil() {
				p.buf = append(p.buf, "(nil)"...)
				return
			}
			p.buf = append(p.buf, '{')
		} else {
			p.buf = append(p.buf, '[')
		}
		for i := 0; i < v.Len(); i++ {
			p.sep(i)
			p.value(v.Index(i), depth+1, hidden, sh.inner(sequence))
		}
		if p.sharp {
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, ']')
		}
	case reflect.Pointer:
		// fmt prints what a pointer at the top points to, but not deeper
		// (which could loop).
		if depth == 0 && !v.IsNil() {
			switch e := v.Elem(); e.Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.buf = append(p.buf, '&')
				p.value(e, depth+1, hidden, sh.inner(pointer))
				return
			}
		}
		p.pointer(v, typeName)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.pointer(v, typeName)
	default:
		p.buf = fmt.Appendf(p.buf, p.spec, nil)
	}
}

// isBox reports whether t is the interpreter's own representation of a
// value in one of the program's interfaces (interp.valueInterface): a
// struct holding the value's reflect.Value, which fmt would print as two
// pointers.
func isBox(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == "valueInterface" && t.PkgPath() == "github.com/traefik/yaegi/interp"
}

// boxedMethod returns the method fmt calls on the value in v, with that
// value, if v is the interpreter's box of a value of a type known by name
// (Value's nil values).
func (f formatter) boxedMethod(v reflect.Value) (method, reflect.Value, bool) {
	if len(f.boxed) == 0 {
		return method{}, v, false
	}
	name := BoxName(v)
	m, ok := f.boxed[name]
	// A pointer to such a value (a *Celsius in an any): Go's fmt calls
	// the methods of the value's type through it, and a nil one prints
	// <nil> (the call panics, see call).
	pointer := false
	if !ok && strings.HasPrefix(name, "*") {
		m, ok = f.boxed[name[1:]]
		pointer = ok
	}
	if !ok {
		return method{}, v, false
	}
	if b, ok := WrapperBox(v); ok {
		// The interpreter's wrapper of the value in an error or a
		// Stringer (a call's result spread into a print): the method's
		// receiver is the value in its box, not the wrapper.
		v = b
	}
	u := Unboxed(v)
	if pointer && u.Kind() == reflect.Pointer && !u.IsNil() {
		u = u.Elem()
	}
	return m, u, u.IsValid() && u.CanInterface()
}

// Fieldless reports whether t is a struct type without fields: struct{},
// which every such type of the notebook's is to reflect (type Dog
// struct{}, type Cat struct{}), so that only a box tells which.
func Fieldless(t reflect.Type) bool { return t.Kind() == reflect.Struct && t.NumField() == 0 }

// BoxName returns the name of the type of the value in v, package path
// first ("main.celsius"), if v is the interpreter's box of a value of one
// of the program's named types (or a wrapper KeepBox knows), else "". The box is the only place that
// knows it: the interpreter's reflect type of a named type that is not a
// struct is its underlying type (celsius is a float64).
func BoxName(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	if !isBox(v.Type()) {
		if b, ok := WrapperBox(v); ok {
			return BoxName(b) // a wrapper of a value KeepBox knows
		}
		return ""
	}
	n := v.FieldByName("node")
	if n.Kind() != reflect.Pointer || n.IsNil() {
		return ""
	}
	typ := n.Elem().FieldByName("typ")
	if cat := yaegiCat(typ); cat == yaegiInterfaceT {
		// A box naming one of the notebook's interfaces (the interpreter
		// made it assigning several values at once): the value's own box
		// in it names its type, if it has one.
		inner, _ := unboxOnce(v)
		return BoxName(inner)
	}
	return itypeName(typ, true)
}

// The categories of the interpreter's types (interp.tcat) a box's type
// may be of.
const (
	yaegiNilT       = 0
	yaegiInterfaceT = 18
)

// yaegiCat returns the category of the interpreter's type t (an *itype),
// or -1.
func yaegiCat(t reflect.Value) int {
	if t.Kind() != reflect.Pointer || t.IsNil() {
		return -1
	}
	if cat := t.Elem().FieldByName("cat"); cat.CanUint() {
		return int(cat.Uint())
	}
	return -1
}

// yaegiPtrT is the category of a pointer type among Yaegi's types
// (interp.ptrT).
const yaegiPtrT = 26

// itypeName is the name of a defined type, given as the interpreter's
// *itype, or with ptr of a pointer to one ("*main.Counter").
func itypeName(t reflect.Value, ptr bool) string {
	if t.Kind() != reflect.Pointer || t.IsNil() {
		return ""
	}
	name, path := t.Elem().FieldByName("name"), t.Elem().FieldByName("path")
	if name.Kind() != reflect.String || path.Kind() != reflect.String {
		return ""
	}
	if name.String() == "" {
		if cat := t.Elem().FieldByName("cat"); ptr && cat.CanUint() && cat.Uint() == yaegiPtrT {
			if elem := itypeName(t.Elem().FieldByName("val"), false); elem != "" {
				return "*" + elem
			}
		}
		return ""
	}
	if path.String() == "" {
		return name.String()
	}
	return path.String() + "." + name.String()
}

// structNames are the Go names of the notebook's struct types, by their
// reflect types (RegisterStructName).
var structNames sync.Map // reflect.Type -> string

// RegisterStructName records Go's name for the notebook's struct type t,
// which the interpreter made without one: %#v of a value of it held in
// an interface names it so (main.Person{...}).
func RegisterStructName(t reflect.Type, name string) { structNames.Store(t, name) }

// StructName returns the Go name RegisterStructName recorded for t.
func StructName(t reflect.Type) (string, bool) {
	name, ok := structNames.Load(t)
	if !ok {
		return "", false
	}
	return name.(string), true
}

// StructNames calls f with each struct type RegisterStructName recorded
// and its Go name, until f returns false.
func StructNames(f func(t reflect.Type, name string) bool) {
	structNames.Range(func(k, v any) bool { return f(k.(reflect.Type), v.(string)) })
}

// goNames are the Go names of the types whose boxes name them otherwise
// (RegisterTypeName).
var goNames sync.Map // box name -> Go name

// RegisterTypeName records Go's name for the type whose box says box: a
// generic type's instance (main.Listᐸintᐳ is main.List[int]) or a local
// type moved to the top level (main.Fᐧlocal is main.F). BoxName keeps the
// box's own name, which tells two local types F apart; GoName writes it
// for %T and %#v.
func RegisterTypeName(box, goName string) { goNames.Store(box, goName) }

// GoName returns the name Go writes for the type whose box names it box
// (BoxName's result).
func GoName(box string) string {
	if n, ok := goNames.Load(box); ok {
		return n.(string)
	}
	return box
}

// Unboxed returns the value in v if v is the interpreter's box of a value
// of one of the program's interfaces (interp.valueInterface, a struct
// holding the value's reflect.Value, which fmt would print as two
// pointers), else v.
func Unboxed(v reflect.Value) reflect.Value {
	for {
		u, ok := unboxOnce(v)
		if !ok {
			return v
		}
		if u.Kind() == reflect.Interface && u.IsNil() {
			// any(x) of a nil interface x of the notebook's: a box of
			// nothing, which is nil.
			return reflect.Value{}
		}
		v = u
	}
}

// unboxOnce returns the value in v, if v is the interpreter's box and
// it can read it.
func unboxOnce(v reflect.Value) (reflect.Value, bool) {
	if !v.IsValid() || !isBox(v.Type()) {
		return v, false
	}
	if !v.CanAddr() {
		if !v.CanInterface() {
			return v, false
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	f := v.FieldByName("value")
	if !f.IsValid() || f.Type() != reflect.TypeFor[reflect.Value]() {
		return v, false
	}
	return *(*reflect.Value)(unsafe.Pointer(f.UnsafeAddr())), true
}

// applied prints v by the method of m fmt calls for p's verb, as fmt's
// handleMethods does: Format for every verb, GoString for %#v, Error or
// String for %v, %s, %x, %X and %q; it reports whether one was.
func (p *printer) applied(m method, v reflect.Value) bool {
	switch {
	case m.format != nil:
		p.buf = fmt.Appendf(p.buf, p.spec, formatCall{v.Interface(), m.format})
	case p.sharp && p.verb == 'v':
		if m.goString == nil {
			return false
		}
		// (as fmt writes GoString's text: padded, not quoted)
		spec := strings.Replace(strings.TrimSuffix(p.spec, "v")+"s", "#", "", 1)
		text, _ := p.call(method{name: "GoString", call: m.goString}, v)
		p.buf = fmt.Appendf(p.buf, spec, text)
	case m.call != nil && p.callsMethods():
		if text, ok := p.call(m, v); ok {
			p.buf = fmt.Appendf(p.buf, p.spec, text)
		} else {
			p.buf = append(p.buf, text...) // (fmt's <nil>, as it is)
		}
	default:
		return false
	}
	return true
}

// call returns what method m makes of v, to format with p's verb (ok),
// or what fmt writes as it is when the method panics: <nil> for a nil
// pointer, else %!verb(PANIC=String method: the panic).
func (p *printer) call(m method, v reflect.Value) (s string, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if v.Kind() == reflect.Pointer && v.IsNil() {
				s, ok = "<nil>", false
				return
			}
			s, ok = fmt.Sprintf("%%!%c(PANIC=%s method: %v)", p.verb, m.name, r), false
		}
	}()
	return m.call(v.Interface()), true
}

// leaf returns a number, string or bool for fmt: the value itself, or,
// reached through an unexported field (which fmt could not call methods
// of, nor take as an interface), its basic value of the same kind.
func leaf(v reflect.Value, hidden bool) any {
	if !hidden && v.CanInterface() {
		return v.Interface()
	}
	b := reflect.New(basicTypes[v.Kind()]).Elem()
	switch v.Kind() {
	case reflect.Bool:
		b.SetBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.SetInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.SetUint(v.Uint())
	case reflect.Float32, reflect.Float64:
		b.SetFloat(v.Float())
	case reflect.Complex64, reflect.Complex128:
		b.SetComplex(v.Complex())
	case reflect.String:
		b.SetString(v.String())
	}
	return b.Interface()
}

var basicTypes = map[reflect.Kind]reflect.Type{
	reflect.Bool: reflect.TypeFor[bool](), reflect.Int: reflect.TypeFor[int](), reflect.Int8: reflect.TypeFor[int8](),
	reflect.Int16: reflect.TypeFor[int16](), reflect.Int32: reflect.TypeFor[int32](), reflect.Int64: reflect.TypeFor[int64](),
	reflect.Uint: reflect.TypeFor[uint](), reflect.Uint8: reflect.TypeFor[uint8](), reflect.Uint16: reflect.TypeFor[uint16](),
	reflect.Uint32: reflect.TypeFor[uint32](), reflect.Uint64: reflect.TypeFor[uint64](), reflect.Uintptr: reflect.TypeFor[uintptr](),
	reflect.Float32: reflect.TypeFor[float32](), reflect.Float64: reflect.TypeFor[float64](),
	reflect.Complex64: reflect.TypeFor[complex64](), reflect.Complex128: reflect.TypeFor[complex128](),
	reflect.String: reflect.TypeFor[string](),
}

// sep writes the separator before element i.
func (p *printer) sep(i int) {
	if i == 0 {
		return
	}
	if p.sharp {
		p.buf = append(p.buf, ", "...)
	} else {
		p.buf = append(p.buf, ' ')
	}
}

// pointer writes a pointer, channel or function as fmt's fmtPointer does.
func (p *printer) pointer(v reflect.Value, typeName func(reflect.Type) string) {
	ptr := v.UnsafePointer()
	if p.sharp {
		p.buf = append(p.buf, '(')
		p.buf = append(p.buf, typeName(v.Type())...)
		p.buf = append(p.buf, ")("...)
		if ptr == nil {
			p.buf = append(p.buf, "nil"...)
		} else {
			p.buf = fmt.Appendf(p.buf, "%p", ptr)
		}
		p.buf = append(p.buf, ')')
		return
	}
	p.buf = fmt.Appendf(p.buf, p.spec, ptr)
}

// shapedTypeName is typeName with the notebook's named types that are
// not structs where shape sh says they are: []main.Money, not []int64.
func (p *printer) shapedTypeName(t reflect.Type, sh *shape) string {
	if sh == nil {
		return p.typeName(t)
	}
	if sh.kind == named {
		if name, ok := p.f.names[t]; ok && t.Kind() == reflect.Struct {
			return name // (a generic type's instance: main.H[string], not the box's main.Hᐸstringᐳ)
		}
		return GoName(sh.name)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + p.shapedTypeName(t.Elem(), sh.inner(pointer))
	case reflect.Slice:
		return "[]" + p.shapedTypeName(t.Elem(), sh.inner(sequence))
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + p.shapedTypeName(t.Elem(), sh.inner(sequence))
	case reflect.Map:
		return "map[" + p.shapedTypeName(t.Key(), sh.mapKey()) + "]" + p.shapedTypeName(t.Elem(), sh.inner(mapping))
	case reflect.Struct:
		if l := sh.literalOf(); l != nil && t.Name() == "" {
			if _, named := structNames.Load(t); !named {
				// (a field of a named type that is not a struct is its
				// underlying type to reflect: struct { C main.Code })
				return p.structTypeName(t, l.fields)
			}
		}
	}
	return p.typeName(t)
}

// typeName writes t as %#v does: the notebook's types by their Go names,
// struct types without one with their fields' declared names.
func (p *printer) typeName(t reflect.Type) string {
	if name, ok := p.f.names[t]; ok && (t.Kind() == reflect.Struct || t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct) {
		// Only a struct type is the notebook's own to reflect: a named
		// type that is not a struct is its underlying type there (a
		// statErr is a string), so a string is no statErr.
		return name
	}
	if name, ok := structNames.Load(t); ok {
		return name.(string)
	}
	if t.Name() != "" {
		return t.String()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + p.typeName(t.Elem())
	case reflect.Slice:
		return "[]" + p.typeName(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + p.typeName(t.Elem())
	case reflect.Map:
		return "map[" + p.typeName(t.Key()) + "]" + p.typeName(t.Elem())
	case reflect.Chan:
		elem := p.typeName(t.Elem())
		switch t.ChanDir() {
		case reflect.RecvDir:
			return "<-chan " + elem
		case reflect.SendDir:
			return "chan<- " + elem
		}
		if t.Elem().Kind() == reflect.Chan && t.Elem().ChanDir() == reflect.RecvDir {
			return "chan (" + elem + ")"
		}
		return "chan " + elem
	case reflect.Struct:
		return p.structTypeName(t, nil)
	}
	return t.String()
}

// structTypeName writes the struct type t without a name as %#v does,
// its fields' types as their shapes say, if fields has them.
func (p *printer) structTypeName(t reflect.Type, fields []*shape) string {
	if t.NumField() == 0 {
		return "struct {}"
	}
	if p.spelling[t] {
		return "struct {...}" // (a type holding itself: see spelling)
	}
	if p.spelling == nil {
		p.spelling = map[reflect.Type]bool{}
	}
	p.spelling[t] = true
	defer delete(p.spelling, t)
	var b strings.Builder
	b.WriteString("struct { ")
	for i := 0; i < t.NumField(); i++ {
		if i > 0 {
			b.WriteString("; ")
		}
		f := t.Field(i)
		name := localName(f.Name)
		if p.f.renamed(t, i) {
			name = name[1:]
		}
		if !f.Anonymous {
			b.WriteString(name + " ")
		}
		if i < len(fields) && fields[i] != nil {
			b.WriteString(p.shapedTypeName(f.Type, fields[i]))
		} else {
			b.WriteString(p.typeName(f.Type))
		}
		if tag := userTag(f.Tag); tag != "" {
			b.WriteString(" " + strconv.Quote(tag))
		}
	}
	b.WriteString(" }")
	return b.String()
}

// localName is the name of a field as declared: an embedded field of a
// type declared in a function, which kernel/generics named pairᐧlocal, is
// named pair, and one of an instance of a generic type, Boxᐸintᐳ, Box.
func localName(name string) string {
	if i := strings.Index(name, "ᐧlocal"); i > 0 {
		return name[:i]
	}
	if i := strings.Index(name, "ᐸ"); i > 0 {
		return name[:i]
	}
	// A blank field kernel/program named, as the interpreter renamed it
	// (X_ᐧ1) or not: the X stays for the caller to take off.
	for _, prefix := range []string{BlankPrefix, "X" + BlankPrefix} {
		if strings.HasPrefix(name, prefix) {
			return prefix[:len(prefix)-len(BlankPrefix)] + "_"
		}
	}
	return name
}

// BlankPrefix begins the names kernel/program gives the blank fields of a
// struct type with more than one ("_ᐧ1", "_ᐧ2"), which reflect.StructOf
// takes for one field: fmt's %+v and reflect name each "_" again.
const BlankPrefix = "_ᐧ"

// userTag is a field's tag without the json:"-" xml:"-" that goconc gives
// unexported fields, and the goconc:"T" it gives a struct type's first
// field (kernel/program's tagStructs).
func userTag(tag reflect.StructTag) string {
	s := string(tag)
	s = strings.Replace(s, `json:"-"`, "", 1)
	s = strings.Replace(s, `xml:"-"`, "", 1)
	if name, ok := tag.Lookup("goconc"); ok {
		s = strings.Replace(s, `goconc:`+strconv.Quote(name), "", 1)
	}
	return strings.Join(strings.Fields(s), " ")
}

// compare orders map keys as fmt does (internal/fmtsort).
func compare(a, b reflect.Value) int {
	if a.Type() != b.Type() {
		return -1
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := cmp.Compare(real(x), real(y)); c != 0 {
			return c
		}
		return cmp.Compare(imag(x), imag(y))
	case reflect.Bool:
		switch x, y := a.Bool(), b.Bool(); {
		case x == y:
			return 0
		case x:
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compare(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compare(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		switch {
		case a.IsNil() && b.IsNil():
			return 0
		case a.IsNil():
			return -1
		case b.IsNil():
			return 1
		}
		if c := compare(reflect.ValueOf(a.Elem().Type()), reflect.ValueOf(b.Elem().Type())); c != 0 {
			return c
		}
		return compare(a.Elem(), b.Elem())
	}
	return 0
}

// InPlaceFieldsNamed returns text, a message spelling types as reflect
// does, with the fields of struct types written in place that the
// interpreter renamed by their declared names: "not struct { Xn int }"
// becomes "not struct { n int }". The notebook's declared struct types
// should be named in text first (their tagged fields are not in-place
// ones).
func InPlaceFieldsNamed(text string) string {
	if !strings.Contains(text, "struct {") {
		return text
	}
	var b strings.Builder
	var braces []bool // per open brace: whether it opens a struct's fields
	fieldStart := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"':
			// A tag: copied as it is, escapes and all.
			j := i + 1
			for j < len(text) && text[j] != '"' {
				if text[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(text))
			b.WriteString(text[i:j])
			i = j - 1
			fieldStart = false
			continue
		case c == '{':
			isStruct := strings.HasSuffix(text[:i], "struct ")
			braces = append(braces, isStruct)
			fieldStart = isStruct
			b.WriteByte(c)
			continue
		case c == '}':
			if len(braces) > 0 {
				braces = braces[:len(braces)-1]
			}
		case c == ';':
			fieldStart = len(braces) > 0 && braces[len(braces)-1]
			b.WriteByte(c)
			continue
		case c == ' ':
			b.WriteByte(c)
			continue
		case fieldStart:
			j := i
			for j < len(text) && (text[j] == '_' || unicode.IsLetter(rune(text[j])) || unicode.IsDigit(rune(text[j])) || text[j] >= utf8.RuneSelf) {
				j++
			}
			name := text[i:j]
			if j < len(text) && text[j] == ' ' && InPlaceRenamed(name) {
				name = name[1:]
			}
			b.WriteString(name)
			i = j - 1
			fieldStart = false
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
