package program

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Encoders call the notebook's MarshalJSON and MarshalText methods inside
// the values they encode, and decoders its UnmarshalJSON and
// UnmarshalText methods:
//
//	type Animal int
//	func (a Animal) MarshalJSON() ([]byte, error) { ... }
//	json.Marshal([]Animal{Gopher})
//
// Compiled json sees none of the interpreter's methods: a notebook struct
// type's reflect type has none, and a named type of another kind is its
// underlying type to reflect (an Animal is an int), so json wrote [1]. A
// declaration of such a method registers it with the evaluator by the
// type's name,
//
//	__goconc.RegisterMarshaler((*Animal)(nil), "main.Animal", "json", false, func(__goconc_v any) ([]byte, error) { __goconc_x := Animal(__goconc_v.(int)); return __goconc_x.MarshalJSON() })
//
// a struct type with fields of the notebook's named types registers their
// shapes (RegisterFields), and json's encoders and decoders get the shape
// of their argument's static type, which says where values of which of
// the notebook's types are (kernel/fieldnames' shapes.go):
//
//	json.Marshal(__goconc.PlainJSON(zoo, "[@main.Animal;-"))
//	__goconc.DecodeJSON(json.Unmarshal, data, &zoo, "*[@main.Animal;-")
//
// PlainJSON replaces each value of a type with a Marshal method by what
// the method returns, where json would call it; DecodeJSON decodes each
// such value by its Unmarshal method. A shape names every named type of
// the notebook's it reaches, whatever their methods, so that a method
// declared after a type that uses it still counts.

// codecMethods are the methods encoders and decoders call, by the name the
// evaluator knows their kind by.
var codecMethods = map[string]string{
	"MarshalJSON": "json", "MarshalText": "text", "MarshalBinary": "binary", "MarshalXML": "xml",
	"UnmarshalJSON": "json", "UnmarshalText": "text", "UnmarshalBinary": "binary", "UnmarshalXML": "xml",
}

// registerMarshaler writes the registration of the method fd, if it is a
// MarshalJSON, MarshalText, UnmarshalJSON or UnmarshalText method of a
// notebook type that compiled reflection can hold (codecValue).
func (g *gen) registerMarshaler(fd *ast.FuncDecl) string {
	if _, ok := codecMethods[fd.Name.Name]; !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return ""
	}
	fn, ok := g.c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return ""
	}
	recv := fn.Signature().Recv().Type()
	_, ptr := recv.(*types.Pointer)
	named, ok := deref(recv).(*types.Named)
	if !ok {
		return ""
	}
	return g.codecRegistration(named, fn, ptr)
}

// registerPromotedCodecs writes, for each struct type gd declares, the
// registration of the codec methods it has from its embedded fields:
//
//	type Event struct { ID int; time.Time }
//
// has time.Time's MarshalJSON, and Go's json encodes an Event as its
// time alone ("2024-03-01T10:00:00Z"); json saw no method of the
// interpreter's struct (and its copy marking time.Time embedded panicked:
// reflect.StructOf embeds a type with methods only as the first field).
// A method the type declares itself registers at its declaration, later.
func (g *gen) registerPromotedCodecs(gd *ast.GenDecl) string {
	var b strings.Builder
	for _, obj := range g.declaredTypes(gd) {
		n, ok := obj.Type().(*types.Named)
		if !ok || !g.taggedStruct(n) {
			continue
		}
		values := types.NewMethodSet(n)
		pointers := types.NewMethodSet(types.NewPointer(n))
		for _, name := range slices.Sorted(maps.Keys(codecMethods)) {
			sel := pointers.Lookup(nil, name)
			if sel == nil || len(sel.Index()) < 2 {
				continue // none, or declared on the type itself
			}
			b.WriteString(g.codecRegistration(n, sel.Obj().(*types.Func), values.Lookup(nil, name) == nil))
		}
	}
	return b.String()
}

// codecRegistration writes the registration of fn, a method of the
// notebook's type named (its own or promoted to it; on its pointer if
// ptr), if it has the signature of the codec method of its name.
func (g *gen) codecRegistration(named *types.Named, fn *types.Func, ptr bool) string {
	kind := codecMethods[fn.Name()]
	value, pointer, ok := g.codecValue(named)
	if !ok {
		return ""
	}
	sig := fn.Signature()
	bytes, errType := types.NewSlice(types.Typ[types.Byte]), types.Universe.Lookup("error").Type()
	name := named.Obj().Name()
	if kind == "xml" {
		return g.xmlCodecRegistration(named, fn, ptr, value, pointer)
	}
	args := "((*" + name + ")(nil), " + strconv.Quote(codecName(named)) + ", " + strconv.Quote(kind) + ", "
	if strings.HasPrefix(fn.Name(), "Un") {
		if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !types.Identical(sig.Params().At(0).Type(), bytes) ||
			!types.Identical(sig.Results().At(0).Type(), errType) {
			return ""
		}
		return HooksName + ".RegisterUnmarshaler" + args +
			"func(__goconc_p any, __goconc_b []byte) error { return " + pointer + "." + fn.Name() + "(__goconc_b) })\n"
	}
	if sig.Params().Len() != 0 || sig.Results().Len() != 2 || !types.Identical(sig.Results().At(0).Type(), bytes) ||
		!types.Identical(sig.Results().At(1).Type(), errType) {
		return ""
	}
	return HooksName + ".RegisterMarshaler" + args + strconv.FormatBool(ptr) +
		", func(__goconc_v any) ([]byte, error) { __goconc_x := " + value + "; return __goconc_x." + fn.Name() + "() })\n"
}

// codecValue returns how a registered method's function gets a value of
// the notebook's type t from what compiled code hands it (__goconc_v, a
// value as reflection sees it) and a pointer to one (__goconc_p), if t is
// a struct type of its own to reflection (tagStructs) or a named type of
// another kind, which reflection sees as its underlying type: the
// interpreter's, so that a type made of the notebook's types (type list
// []item, type Temps []Celsius, with a MarshalJSON method: Learn Go's
// marshaler lesson) is asserted to it as it is.
func (g *gen) codecValue(t *types.Named) (value, pointer string, ok bool) {
	name := t.Obj().Name()
	if g.taggedStruct(t) {
		return "__goconc_v.(" + name + ")", "__goconc_p.(*" + name + ")", true
	}
	if t.Obj().Pkg() != g.c.pkg || t.TypeParams().Len() > 0 || t.TypeArgs().Len() > 0 || isInterface(t) {
		return "", "", false
	}
	if st, isStruct := t.Underlying().(*types.Struct); isStruct && st.NumFields() > 0 {
		return "", "", false
	}
	// (A struct type without fields is struct{} to reflect, as all such
	// types are: known by name, as the named types that are not structs.)
	under, ok := g.localType(t.Underlying())
	if !ok {
		return "", "", false
	}
	return name + "(__goconc_v.(" + under + "))", "(*" + name + ")(__goconc_p.(*" + under + "))", true
}

// codecName is the name a notebook type is registered by: its package's
// and its own, as the interpreter names the type of a value in a box.
func codecName(t *types.Named) string { return "main." + t.Obj().Name() }

// registerNamedShapes writes, for each named type gd declares that is not
// a struct (namedMethodSet) and holds the notebook's types, the
// registration of its shape, by which kernel/fieldnames prints a value of
// it that an interface holds (its box names the type):
//
//	__goconc.RegisterNamedShape("main.Temps", "[@main.Celsius;-")
func (g *gen) registerNamedShapes(gd *ast.GenDecl) string {
	var b strings.Builder
	for _, obj := range g.declaredTypes(gd) {
		n, ok := obj.Type().(*types.Named)
		if !ok || !g.namedMethodSet(n) {
			continue
		}
		if shape := g.codecShape(n.Underlying()); shape != "-" {
			b.WriteString(HooksName + ".RegisterNamedShape(" + strconv.Quote(g.goName(n)) + ", " + strconv.Quote(shape) + ")\n")
		}
		if g.mentionsNamed(n.Underlying(), 0) {
			// (kernel/namedtypes: the element type of a Temps is Celsius)
			b.WriteString(HooksName + ".RegisterUnderlying(" + strconv.Quote(g.goName(n)) + ", " + strconv.Quote(g.goName(n.Underlying())) + ")\n")
		}
	}
	return b.String()
}

// codecShape returns the shape of type t for encoders, decoders and fmt
// (kernel/fieldnames' shapes.go): "-" if no named type of the notebook's
// is in it.
func (g *gen) codecShape(t types.Type) string {
	return g.shapeOf(t, map[types.Type]bool{})
}

func (g *gen) shapeOf(t types.Type, seen map[types.Type]bool) string {
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() == g.c.pkg && isInterface(n) && n.TypeArgs().Len() == 0 && n.Obj().Parent() == g.c.pkg.Scope() {
		// One of the notebook's interfaces, which %#v names (a nil one
		// main.Shape(nil), a slice of them []main.Shape{...}): to
		// reflect, each with methods is the interpreter's one struct
		// (interp.valueInterface), each without interface {}.
		return "@" + codecName(n) + ";-"
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() == g.c.pkg && !isInterface(n) {
		if seen[n] {
			return "-"
		}
		seen[n] = true
		defer delete(seen, n)
		under := "-"
		if g.taggedStruct(n) && n.Obj().Parent() == g.c.pkg.Scope() {
			under = "$"
		} else if st, isStruct := n.Underlying().(*types.Struct); !isStruct {
			under = g.shapeOf(n.Underlying(), seen)
		} else if g.taggedStruct(n) {
			// (a struct declared in a function registers no field
			// shapes: they are written out, {S...}; tagStructs tagged
			// its unexported fields)
			under = g.structShape(st, false, seen)
		}
		if _, _, ok := g.codecValue(n); ok {
			return "@" + codecName(n) + ";" + under
		}
		return under
	}
	var s string
	switch u := t.(type) {
	case *types.Pointer:
		s = "*" + g.shapeOf(u.Elem(), seen)
	case *types.Slice:
		s = "[" + g.shapeOf(u.Elem(), seen)
	case *types.Array:
		s = "[" + g.shapeOf(u.Elem(), seen)
	case *types.Map:
		s = "m" + g.shapeOf(u.Key(), seen) + g.shapeOf(u.Elem(), seen)
	case *types.Struct:
		s = g.structShape(u, true, seen)
	default:
		return "-"
	}
	if strings.Trim(s, "*[m-{}") == "" {
		return "-"
	}
	return s
}

// structShape is the shape of a struct type literal, its unexported
// fields marked if hidden says nothing tagged them.
func (g *gen) structShape(u *types.Struct, hidden bool, seen map[types.Type]bool) string {
	var b strings.Builder
	b.WriteString("{")
	for f := range u.Fields() {
		if f.Embedded() && g.notebookStruct(f.Type()) {
			b.WriteString("^") // (the interpreter's reflect type does not say it)
		} else if hidden && !f.Exported() && f.Name() != "_" {
			b.WriteString("~") // (the interpreter exported it, untagged)
		}
		b.WriteString(g.shapeOf(f.Type(), seen))
	}
	b.WriteString("}")
	return b.String()
}

// notebookStruct reports whether t is one of the notebook's struct types
// or a pointer to one: a type whose reflect type has no methods, which
// reflect.StructOf can embed.
func (g *gen) notebookStruct(t types.Type) bool {
	n, ok := types.Unalias(deref(types.Unalias(t))).(*types.Named)
	return ok && n.Obj().Pkg() == g.c.pkg && isStruct(n)
}

// registerFields writes, for each struct type gd declares with a field of
// a shape, the registration of its fields' shapes.
func (g *gen) registerFields(gd *ast.GenDecl) string {
	var b strings.Builder
	for name, obj := range g.declaredTypes(gd) {
		n, ok := obj.Type().(*types.Named)
		if !ok || !g.taggedStruct(n) {
			continue
		}
		var shapes strings.Builder
		for f := range n.Underlying().(*types.Struct).Fields() {
			shapes.WriteString(g.codecShape(f.Type()))
		}
		if strings.Trim(shapes.String(), "-") != "" {
			b.WriteString(HooksName + ".RegisterFields((*" + name + ")(nil), " + strconv.Quote(shapes.String()) + ")\n")
		}
	}
	return b.String()
}

// xmlCodecRegistration writes the registration of fn, a MarshalXML or
// UnmarshalXML method of the notebook's type named, if it has
// encoding/xml's signature; value and pointer are codecValue's.
func (g *gen) xmlCodecRegistration(named *types.Named, fn *types.Func, ptr bool, value, pointer string) string {
	xml, ok := g.importName("encoding/xml")
	if !ok {
		return ""
	}
	sig := fn.Signature()
	coder := "*encoding/xml.Encoder"
	hook, recv := "RegisterXMLMarshaler", "__goconc_x := "+value+"; return __goconc_x"
	if fn.Name() == "UnmarshalXML" {
		coder = "*encoding/xml.Decoder"
		hook, recv = "RegisterXMLUnmarshaler", "return "+pointer
	}
	if sig.Params().Len() != 2 || sig.Results().Len() != 1 || types.TypeString(sig.Params().At(0).Type(), nil) != coder ||
		types.TypeString(sig.Params().At(1).Type(), nil) != "encoding/xml.StartElement" ||
		types.TypeString(sig.Results().At(0).Type(), nil) != "error" {
		return ""
	}
	name := named.Obj().Name()
	param := "__goconc_v any"
	if hook == "RegisterXMLUnmarshaler" {
		param = "__goconc_p any"
	}
	return HooksName + "." + hook + "((*" + name + ")(nil), " + strconv.Quote(codecName(named)) + ", " + strconv.FormatBool(ptr) +
		", func(" + param + ", __goconc_c *" + xml + "." + strings.TrimPrefix(coder, "*encoding/xml.") + ", __goconc_s " + xml + ".StartElement) error { " +
		recv + "." + fn.Name() + "(__goconc_c, __goconc_s) })\n"
}
