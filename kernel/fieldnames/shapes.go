package fieldnames

import (
	"reflect"
	"strings"
	"sync"
)

// A shape says where, in a value of some static type, are values of the
// notebook's types whose MarshalJSON, MarshalText, UnmarshalJSON or
// UnmarshalText methods json must call; kernel/program writes it from the
// type. Its text:
//
//	-          nothing of the kind here
//	@main.T;S  a value of the notebook type main.T (registered by that
//	           name), whose underlying type has shape S
//	*S         a pointer to S
//	[S         a slice or an array of S
//	mKV        a map with keys of shape K and values of shape V
//	$          a struct whose fields' shapes are registered with its
//	           reflect type (RegisterFields)
//	{S...}     a struct type literal with fields of shapes S...
//	^S         in a struct type literal, an embedded struct field of shape
//	           S (the interpreter's reflect type of a literal does not
//	           say it is embedded: json must promote its fields)
//	~S         in a struct type literal, an unexported field of shape S
//	           (the interpreter exports it, as Xname: json must leave it
//	           out, as Go's does)
//
// For example []Animal is "[@main.Animal;-" and map[Size]*Point is
// "m@main.Size;-*@main.Point;$".

type shapeKind byte

const (
	none     shapeKind = '-'
	named    shapeKind = '@'
	pointer  shapeKind = '*'
	sequence shapeKind = '['
	mapping  shapeKind = 'm'
	fields   shapeKind = '$'
	literal  shapeKind = '{'
)

type shape struct {
	kind       shapeKind
	name       string   // named
	elem       *shape   // named (the underlying type), pointer, sequence, mapping (values)
	key        *shape   // mapping
	fields     []*shape // literal
	embedded   []bool   // literal: which fields are embedded structs
	hidden     []bool   // literal: which fields are unexported
	registered *codec   // named: looked up once found
}

// codec returns the methods registered for a named shape's type.
func (s *shape) codec() *codec {
	if s.registered == nil {
		if c, ok := byName.Load(s.name); ok {
			s.registered = c.(*codec)
		}
	}
	return s.registered
}

var (
	shapes     sync.Map // text -> *shape
	fieldShape sync.Map // reflect.Type of a struct -> []*shape
)

// parseShape returns the shape of text, nil for nothing ("-", "" or text
// that is not a shape).
func parseShape(text string) *shape {
	if text == "" || text == "-" {
		return nil
	}
	if s, ok := shapes.Load(text); ok {
		return s.(*shape)
	}
	s, rest, ok := readShape(text)
	if !ok || rest != "" {
		return nil
	}
	shapes.Store(text, s)
	return s
}

// readShape reads one shape at the start of text.
func readShape(text string) (*shape, string, bool) {
	if text == "" {
		return nil, "", false
	}
	s := &shape{kind: shapeKind(text[0])}
	rest := text[1:]
	var ok bool
	switch s.kind {
	case none:
		return nil, rest, true
	case fields:
		return s, rest, true
	case named:
		var name string
		name, rest, ok = strings.Cut(rest, ";")
		if !ok || name == "" {
			return nil, "", false
		}
		s.name = name
		s.elem, rest, ok = readShape(rest)
	case pointer, sequence:
		s.elem, rest, ok = readShape(rest)
	case mapping:
		if s.key, rest, ok = readShape(rest); ok {
			s.elem, rest, ok = readShape(rest)
		}
	case literal:
		for ok = true; ok && rest != "" && rest[0] != '}'; {
			embedded, hidden := rest[0] == '^', rest[0] == '~'
			if embedded || hidden {
				rest = rest[1:]
			}
			var f *shape
			f, rest, ok = readShape(rest)
			s.fields = append(s.fields, f)
			s.embedded = append(s.embedded, embedded)
			s.hidden = append(s.hidden, hidden)
		}
		if !ok || rest == "" {
			return nil, "", false
		}
		rest = rest[1:]
	default:
		return nil, "", false
	}
	return s, rest, ok
}

// RegisterFields registers the shapes of the fields of the struct type p
// points to, written one after the other ("-@main.Status;-" for a struct
// of two fields whose second is a Status).
func RegisterFields(p any, text string) {
	t := reflect.TypeOf(p)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return
	}
	var fs []*shape
	for rest := text; rest != ""; {
		s, r, ok := readShape(rest)
		if !ok {
			return
		}
		fs, rest = append(fs, s), r
	}
	if len(fs) != t.Elem().NumField() {
		return
	}
	fieldShape.Store(t.Elem(), fs)
}

// namedShapes are the shapes of the underlying types of the notebook's
// named types that are not structs, by Go's name ("main.Temps"), for a
// value in the interpreter's box, which names its type: a Temps
// ([]Celsius) printed from an interface ([1 2]) is printed as Go prints
// it ([1.0°C 2.0°C]).
var namedShapes sync.Map // Go name -> *shape

// RegisterNamedShape registers the shape of the underlying type of the
// notebook's type goName ("[@main.Celsius;-" for a []Celsius).
func RegisterNamedShape(goName, text string) {
	if sh := parseShape(text); sh != nil {
		namedShapes.Store(goName, sh)
	}
}

// boxedShape returns the shape registered for the type the box v names.
func boxedShape(v reflect.Value) *shape {
	name := BoxName(v)
	if name == "" {
		return nil
	}
	if sh, ok := namedShapes.Load(GoName(name)); ok {
		return sh.(*shape)
	}
	return nil
}

// fieldShapes returns the shapes of the fields of struct type t, given
// by s or else registered, nil if none is.
func (s *shape) fieldShapes(t reflect.Type) []*shape {
	if l := s.literalOf(); l != nil {
		return l.fields
	}
	if fs, ok := fieldShape.Load(t); ok {
		return fs.([]*shape)
	}
	return nil
}

// literalFields returns which fields of a struct literal of shape s are
// embedded structs and which are unexported, nil if s is no literal.
func (s *shape) literalFields() (embedded, hidden []bool) {
	if l := s.literalOf(); l != nil {
		return l.embedded, l.hidden
	}
	return nil, nil
}

// literalOf returns s, or the shape of the type s names, if it is a
// struct type literal's, else nil.
func (s *shape) literalOf() *shape {
	if s != nil && s.kind == named {
		s = s.elem
	}
	if s != nil && s.kind == literal {
		return s
	}
	return nil
}

// inner returns the shape of what s's pointer, slice, array or map
// holds (kind says which), nil if s is not of that kind.
func (s *shape) inner(kind shapeKind) *shape {
	if s == nil {
		return nil
	}
	if s.kind == named {
		return s.elem.inner(kind)
	}
	if s.kind != kind {
		return nil
	}
	return s.elem
}

// mapKey returns the shape of a map shape's keys.
func (s *shape) mapKey() *shape {
	if s == nil {
		return nil
	}
	if s.kind == named {
		return s.elem.mapKey()
	}
	if s.kind != mapping {
		return nil
	}
	return s.key
}
