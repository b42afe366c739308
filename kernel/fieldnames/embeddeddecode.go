package fieldnames

import (
	"encoding/json"
	"reflect"
	"strings"
)

// The embedded structs of a struct json decodes in parts (decoder's
// structure): json promotes their fields, so each is decoded from the
// members of the object that its fields take.

// inlined reports which fields of struct type t, of shapes, are embedded
// structs, or pointers to structs, of a shape, whose fields json
// promotes (no name in the tag): structure decodes them.
func inlined(t reflect.Type, shapes []*shape) []bool {
	inline := make([]bool, t.NumField())
	if len(shapes) != t.NumField() {
		return inline
	}
	for i := range inline {
		inline[i] = promotes(t.Field(i)) && shapes[i] != nil && !hasUnmarshaler(shapes[i])
	}
	return inline
}

// embedded reports whether f is an embedded field: the interpreter's
// struct types leave Anonymous off, and tag it.
func embedded(f reflect.StructField) bool {
	return f.Anonymous || f.Tag.Get(EmbeddedKey) == EmbeddedStruct
}

// hasUnmarshaler reports whether s is of a notebook type with a
// registered Unmarshal method, or a pointer to one: json calls it on the
// field's own value.
func hasUnmarshaler(s *shape) bool {
	if s != nil && s.kind == pointer {
		s = s.elem
	}
	if s == nil || s.kind != named {
		return false
	}
	return s.codec().decodesJSON()
}

// knows reports whether json decodes the member key into a field of
// struct type t, or of the structs it embeds but those skip says (json
// matches names regardless of case).
func knows(t reflect.Type, key string, skip []bool) bool {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if embedded(f) && name == "" {
			if i < len(skip) && skip[i] {
				continue
			}
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && knows(ft, key, nil) {
				return true
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		if strings.EqualFold(name, key) {
			return true
		}
	}
	return false
}

// promoted reports whether an inline field of struct type t takes the
// member key.
func promoted(t reflect.Type, key string, inline []bool) bool {
	for i := range inline {
		if !inline[i] {
			continue
		}
		ft := t.Field(i).Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if knows(ft, key, nil) {
			return true
		}
	}
	return false
}

// members returns the JSON object b with the members whose keys keep
// takes, b itself if that is all of them or b is not an object.
func members(b []byte, keep func(key string) bool) []byte {
	var all map[string]json.RawMessage
	if json.Unmarshal(b, &all) != nil || all == nil {
		return b
	}
	dropped := false
	for k := range all {
		if !keep(k) {
			delete(all, k)
			dropped = true
		}
	}
	if !dropped {
		return b
	}
	out, err := json.Marshal(all)
	if err != nil {
		return b
	}
	return out
}
