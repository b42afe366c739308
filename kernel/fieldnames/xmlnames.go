package fieldnames

import (
	"bytes"
	"encoding/xml"
	"reflect"
	"strings"
)

// XMLMarshal is xml.Marshal(v), with the notebook's struct types named
// and their embedded structs' fields promoted:
//
//	type Book struct{ Title string }
//	xml.Marshal(Book{"Go"})    <Book><Title>Go</Title></Book>
//
// encoding/xml names an element by its value's type when nothing else
// does (an XMLName field, a tag), and the interpreter's struct types have
// no name: xml said "unsupported type: struct { Title string ... }". A
// value of one of them, at the top or in a slice or array there, is
// encoded with EncodeElement, named as the notebook declared its type
// (the tag of its first field says).
func XMLMarshal(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := XMLEncode(xml.NewEncoder(&b), v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// XMLMarshalIndent is xml.MarshalIndent(v, prefix, indent), with the
// notebook's struct types named as XMLMarshal names them.
func XMLMarshalIndent(v any, prefix, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := xml.NewEncoder(&b)
	enc.Indent(prefix, indent)
	if err := XMLEncode(enc, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// XMLEncode is enc.Encode(v), with the notebook's struct types named as
// XMLMarshal names them.
func XMLEncode(enc *xml.Encoder, v any) error {
	if err := encodeNamed(enc, reflect.ValueOf(v)); err != nil {
		return err
	}
	return enc.Flush()
}

// encodeNamed encodes v as xml's Encode would, naming a value of the
// notebook's struct types by its type.
func encodeNamed(enc *xml.Encoder, v reflect.Value) error {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return nil // (xml writes nothing for a nil pointer)
		}
		if v.Kind() == reflect.Pointer && declaredName(v.Type().Elem()) != "" {
			break
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return nil
	}
	v = anonymousView(v)
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[textEncoded](), t == reflect.TypeFor[xmlMarshaled]():
		// (a value of the notebook's types with a MarshalText or
		// MarshalXML method, which PlainXML encoded: named by its type)
		name, _, _ := strings.Cut(strings.TrimPrefix(v.FieldByName("name").String(), "main."), "[")
		return enc.EncodeElement(v.Interface(), xml.StartElement{Name: xml.Name{Local: name}})
	case t.Kind() == reflect.Struct && t.Name() == "" && declaredName(t) != "" && !hasXMLName(t):
		// (xml names an instance of a generic type without its type
		// arguments: A for A[string,int])
		name, _, _ := strings.Cut(goDeclaredName(t), "[")
		return enc.EncodeElement(v.Interface(), xml.StartElement{Name: xml.Name{Local: name}})
	case (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) && v.Type().Elem().Kind() != reflect.Uint8:
		for i := range v.Len() {
			if err := encodeNamed(enc, v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return enc.Encode(v.Interface())
}

// anonymousView returns v as a value of a type of the same layout whose
// embedded struct fields are flagged Anonymous (anonymousMirror), so that
// xml promotes their fields as Go's does: the interpreter leaves the flag
// off. A pointer's view points to the same memory.
func anonymousView(v reflect.Value) reflect.Value {
	m, changed := anonymousMirror(v.Type(), map[reflect.Type]bool{})
	if !changed {
		return v
	}
	if v.Kind() == reflect.Pointer {
		return reflect.NewAt(m.Elem(), v.UnsafePointer())
	}
	if !v.CanInterface() {
		return v
	}
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	return reflect.NewAt(m, p.UnsafePointer()).Elem()
}

// XMLUnmarshal is xml.Unmarshal(data, v), filling the fields of the
// embedded structs of the notebook's types as Go's does.
func XMLUnmarshal(data []byte, v any) error {
	return xml.Unmarshal(data, anonymousTarget(v))
}

// XMLDecode is dec.Decode(v), filling the fields of the embedded structs
// of the notebook's types as Go's does.
func XMLDecode(dec *xml.Decoder, v any) error {
	return dec.Decode(anonymousTarget(v))
}

// anonymousTarget returns pointer v as a pointer to the same memory of a
// type whose embedded struct fields are flagged Anonymous, or v.
func anonymousTarget(v any) any {
	p := reflect.ValueOf(v)
	if p.Kind() != reflect.Pointer || p.IsNil() {
		return v // (xml's own error)
	}
	return embeddedAnonymous(p, nil).Interface()
}

// hasXMLName reports whether struct type t has an XMLName field, which
// names its element itself.
func hasXMLName(t reflect.Type) bool {
	_, ok := t.FieldByName("XMLName")
	return ok
}
