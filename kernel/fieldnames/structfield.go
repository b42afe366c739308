package fieldnames

import (
	"iter"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// DeclaredField returns f, a field of one of the notebook's struct types
// as reflect sees it, as Go's reflect would describe the declared field:
//
//	type person struct{ Name string `json:"name"`; age int }
//
// Yaegi builds the type with reflect.StructOf, which cannot make
// unexported fields, and goconc tags the fields (kernel/program's
// tagStructs), so reflect says
//
//	{Name:Name Tag:`json:"name" goconc:"person"`}
//	{Name:Xage PkgPath:"" Tag:`json:"-" xml:"-"`}
//
// and DeclaredField says
//
//	{Name:Name Tag:`json:"name"`}
//	{Name:age PkgPath:"main"}
//
// A field the interpreter renamed is known by its name (LooksRenamed) and
// the json:"-" xml:"-" goconc gave it. Fields of compiled types come back
// as they are.
func DeclaredField(f reflect.StructField) reflect.StructField {
	if renamed(f) {
		f.Name = f.Name[1:]
		f.PkgPath = "main"
		if hiddenByGoconc(f.Tag) {
			f.Tag = withoutKey(withoutKey(f.Tag, "json"), "xml")
		}
	}
	if f.Tag.Get(EmbeddedKey) != "" {
		f.Anonymous = true
		f.Name = localName(f.Name)
	}
	if strings.HasPrefix(f.Name, BlankPrefix) {
		f.Name = "_"
	}
	f.Tag = withoutKey(withoutKey(f.Tag, "goconc"), EmbeddedKey)
	return f
}

// DeclaredFieldOf is DeclaredField of t.Field(i), as declaredFieldIn.
func DeclaredFieldOf(t reflect.Type, i int) reflect.StructField {
	return declaredFieldIn(t, t.Field(i))
}

// declaredFieldIn is DeclaredField of f, a field of struct type t, and
// of a field renamedIn t.
func declaredFieldIn(t reflect.Type, f reflect.StructField) reflect.StructField {
	if !renamed(f) && renamedIn(t, f) {
		f.Name, f.PkgPath = f.Name[1:], "main"
	}
	return DeclaredField(f)
}

// renamedIn reports whether the interpreter renamed field f of struct
// type t: renamed says so for the notebook's declared struct types, by
// their tags; a struct type written in place (struct{ n int }) has none,
// and a field of its own is taken for renamed where InPlaceRenamed says.
func renamedIn(t reflect.Type, f reflect.StructField) bool {
	if renamed(f) {
		return true
	}
	_, declared := structNames.Load(t)
	return !declared && t.Name() == "" && len(f.Index) == 1 && f.PkgPath == "" && f.Tag == "" && InPlaceRenamed(f.Name)
}

// TypeFields is t.Fields(), each field as declaredFieldIn gives it.
func TypeFields(t reflect.Type) iter.Seq[reflect.StructField] {
	return func(yield func(reflect.StructField) bool) {
		for f := range t.Fields() {
			if !yield(declaredFieldIn(t, f)) {
				return
			}
		}
	}
}

// EmbeddedKey is the tag key kernel/program gives an embedded struct
// field: Yaegi's reflect.StructOf leaves its Anonymous flag off, so json
// wrote {"Base":{"ID":1}} where Go promotes Base's fields. DeclaredField
// and PlainJSON's copies set the flag again.
//
// An embedded interface field is tagged too: kernel/program names it and
// forwards its methods, since StructOf's stand-ins for them panic, and
// DeclaredField alone sets the flag (json treats an embedded interface as
// a field named after it, as its copies do).
const (
	EmbeddedKey       = "goconcembedded"
	EmbeddedStruct    = "true"
	EmbeddedInterface = "interface"
)

// DeclaredFields is DeclaredField of each of fs (reflect.VisibleFields).
func DeclaredFields(fs []reflect.StructField) []reflect.StructField {
	out := make([]reflect.StructField, len(fs))
	for i, f := range fs {
		out[i] = DeclaredField(f)
	}
	return out
}

// FieldByName is t.FieldByName(name) for the name the notebook declared:
// a field the interpreter renamed (age as Xage) is found by its declared
// name, and not by the interpreter's.
func FieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	f, ok := promoting(t).FieldByName(name)
	if ok {
		f.Type = t.FieldByIndex(f.Index).Type
	}
	if ok && renamedIn(t, f) {
		return reflect.StructField{}, false // (Xage: no such field in Go)
	}
	if !ok && name != "" && !isExported(name) {
		if f, ok = t.FieldByName("X" + name); ok && !renamedIn(t, f) {
			return reflect.StructField{}, false
		}
	}
	if !ok {
		return f, false
	}
	return declaredFieldIn(t, f), true
}

func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// VisibleFields is reflect.VisibleFields(t) of the fields the notebook
// declared: the fields of embedded structs promoted, as Go's reflect
// promotes them (the interpreter's struct types do not flag an embedded
// field Anonymous), each described by DeclaredField.
func VisibleFields(t reflect.Type) []reflect.StructField {
	fs := reflect.VisibleFields(promoting(t))
	for i := range fs {
		fs[i].Type = t.FieldByIndex(fs[i].Index).Type
		fs[i] = declaredFieldIn(t, fs[i])
	}
	return fs
}

// promoting returns struct type t with its embedded struct fields
// flagged Anonymous, so that reflect promotes their fields: a type of the
// same layout (anonymousMirror), whose fields' types the caller reads
// from t.
func promoting(t reflect.Type) reflect.Type {
	if t.Kind() != reflect.Struct {
		return t
	}
	m, _ := anonymousMirror(t, map[reflect.Type]bool{})
	return m
}

// renamed reports whether the interpreter renamed field f, which the
// notebook declared unexported: age as Xage, known by the json:"-"
// xml:"-" goconc gave it, or an embedded base as Xbase, known by its
// type's name (json promotes the fields of an embedded unexported struct,
// so such a field keeps json's attention).
func renamed(f reflect.StructField) bool {
	if f.PkgPath != "" || !LooksRenamed(f.Name) {
		return false
	}
	if hiddenByGoconc(f.Tag) {
		return true
	}
	t := f.Type
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return f.Tag.Get(EmbeddedKey) != "" && declaredName(t) == f.Name[1:]
}

// hiddenByGoconc reports whether tag is the json:"-" xml:"-" goconc gives
// an unexported field.
func hiddenByGoconc(tag reflect.StructTag) bool {
	return strings.HasPrefix(string(tag), `json:"-" xml:"-"`)
}

// withoutKey returns tag without its key:"value" pair for key, and the
// space that parted it from the next (or the previous).
func withoutKey(tag reflect.StructTag, key string) reflect.StructTag {
	v, ok := tag.Lookup(key)
	if !ok {
		return tag
	}
	s, pair := string(tag), key+":"+strconv.Quote(v)
	i := strings.Index(s, pair)
	if i < 0 {
		return tag
	}
	j := i + len(pair)
	switch {
	case j < len(s) && s[j] == ' ':
		j++
	case i > 0 && s[i-1] == ' ':
		i--
	}
	return reflect.StructTag(s[:i] + s[j:])
}

// FieldPointer returns the address of the field of the struct p points to
// at index path (reflect's FieldByIndex), through embedded pointers, for a
// selector the interpreter cannot make (program's fieldsovermethods.go).
// A nil pointer on the way is dereferenced, as Go's selector would.
func FieldPointer(p any, path ...int) unsafe.Pointer {
	v := reflect.ValueOf(p)
	for _, i := range path {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				var np *struct{ _ int }
				_ = *np // (Go's runtime error: invalid memory address or nil pointer dereference)
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	return unsafe.Pointer(v.UnsafeAddr())
}
