package program

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// tagStructs tags the fields of the notebook's declared struct types:
// every unexported field with json:"-" and xml:"-", and the first field
// with the type's name,
//
//	type person struct{ Name string; age int }
//
// becomes
//
//	type person struct{ Name string `goconc:"person"`; age int `json:"-" xml:"-"` }
//
// (a tag the field has keeps its keys, the name last).
//
// Yaegi builds a notebook's struct types with reflect.StructOf, which
// cannot make unexported fields: it exports them as Xage. encoding/json and
// encoding/xml then wrote and filled "Xage", where Go leaves age alone. The
// tags make them leave it alone again. An embedded struct field is tagged
// goconcembedded:"true" (see embeddedKey).
//
// StructOf also makes one type of two declared types of the same fields
// (type Point struct{ X, Y int } and type Vec struct{ X, Y int }), and the
// interpreter tells a value's type by its reflect type: a Vec asserted to
// a Point held, a type switch took the first of them, %T named either.
// The name in the first field's tag makes the two reflect types two.
// kernel/fieldnames leaves both tags out where it spells a type.
//
// Only the struct of a type declaration is tagged: its text is written
// once, and everything else names the type. An anonymous struct type is
// written again wherever goconc spells a type out (a variable kept for
// later cells, a channel's element), from the type checker's view without
// the tags, and two spellings would be two types to the interpreter. An
// alias of one is the anonymous type, and a generic type runs as its
// instances: neither is tagged with a name.
func (g *gen) tagStructs() {
	g.walk(func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		named := !ts.Assign.IsValid() && ts.TypeParams == nil && ts.Name.Name != "_"
		ifaces := g.embeddedInterfaceNames(ts)
		for i, f := range st.Fields.List {
			hide := len(f.Names) > 0 && !ast.IsExported(f.Names[0].Name)
			name := ""
			if i == 0 && named {
				name = ts.Name.Name
			}
			if mixedExports(f.Names) {
				g.splitField(f, name)
				continue
			}
			embedded := ""
			if iface, ok := ifaces[f]; ok {
				embedded, hide = embeddedInterface, !ast.IsExported(iface)
			} else if len(f.Names) == 0 && embedsStruct(g.c.info.TypeOf(f.Type)) {
				embedded = embeddedStruct
			}
			if !hide && name == "" && embedded == "" {
				continue
			}
			if f.Tag == nil {
				g.r.After(f.Type, " "+strconv.Quote(fieldTag("", hide, name, embedded)))
				continue
			}
			old, err := strconv.Unquote(f.Tag.Value)
			if err != nil {
				continue
			}
			g.r.ReplaceRange(f.Tag.Pos(), f.Tag.End(), strconv.Quote(fieldTag(reflect.StructTag(old), hide, name, embedded)))
		}
		return true
	})
}

// mixedExports reports whether names, the names of one field list entry,
// mix exported and unexported ones (X, y int).
func mixedExports(names []*ast.Ident) bool {
	for _, n := range names {
		if ast.IsExported(n.Name) != ast.IsExported(names[0].Name) {
			return true
		}
	}
	return false
}

// splitField writes a field list entry whose names mix exported and
// unexported ones as one entry for each name, each with its own tag (a
// tag is the entry's, for all its names): struct{ X, y int } had y shown
// to json as Xy, and struct{ a, B int } hid B. name is the type's name,
// for the first field's tag, or "".
func (g *gen) splitField(f *ast.Field, name string) {
	old := ""
	if f.Tag != nil {
		old, _ = strconv.Unquote(f.Tag.Value)
	}
	g.r.Replace(f, func() string {
		var parts []string
		for i, n := range f.Names {
			field := g.r.Source(n) + " " + g.r.Source(f.Type)
			first := name
			if i > 0 {
				first = ""
			}
			if tag := fieldTag(reflect.StructTag(old), !ast.IsExported(n.Name), first, ""); tag != "" {
				field += " " + strconv.Quote(tag)
			}
			parts = append(parts, field)
		}
		return strings.Join(parts, "; ")
	})
}

// fieldTag returns tag with json and xml set to "-" if hide, goconc set
// to the type's name if name is not "", and goconcembedded to embedded if
// it is not "", other keys kept.
func fieldTag(tag reflect.StructTag, hide bool, name, embedded string) string {
	var parts []string
	if hide {
		parts = append(parts, `json:"-"`, `xml:"-"`)
	}
	for _, kv := range splitTag(string(tag)) {
		k := kv[:strings.IndexByte(kv, ':')]
		if hide && (k == "json" || k == "xml") || name != "" && k == "goconc" {
			continue
		}
		parts = append(parts, kv)
	}
	if name != "" {
		parts = append(parts, `goconc:`+strconv.Quote(name))
	}
	if embedded != "" {
		parts = append(parts, embeddedKey+":"+strconv.Quote(embedded))
	}
	return strings.Join(parts, " ")
}

// embeddedKey marks an embedded struct field: Yaegi's reflect.StructOf
// leaves its Anonymous flag off, so json wrote it as a field named after
// its type, where Go promotes its fields. kernel/fieldnames sets the flag
// again where json and reflect look (fieldnames.EmbeddedKey). An embedded
// interface field, which forwarders.go names, is marked too: reflect
// alone sets the flag for it (json treats it as named, as Go's does).
const (
	embeddedKey       = "goconcembedded"
	embeddedStruct    = "true"      // fieldnames.EmbeddedStruct
	embeddedInterface = "interface" // fieldnames.EmbeddedInterface
)

// embedsStruct reports whether an embedded field of type t is a struct or
// a pointer to one, whose fields json promotes.
func embedsStruct(t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// splitTag splits a conventional struct tag into its key:"value" pairs.
func splitTag(tag string) []string {
	var out []string
	for tag != "" {
		tag = strings.TrimLeft(tag, " ")
		i := strings.Index(tag, `:"`)
		if i <= 0 {
			break
		}
		j := i + 2
		for j < len(tag) && tag[j] != '"' {
			if tag[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(tag) {
			break
		}
		out = append(out, tag[:j+1])
		tag = tag[j+1:]
	}
	return out
}

// nameBlankFields gives the blank fields of the notebook's struct types
// names of their own:
//
//	type T struct{ _, _ int; n int }    type T struct{ _ᐧ1, _ᐧ2 int; n int }
//
// Yaegi builds the type with reflect.StructOf, which takes two blank fields
// for the same one ("reflect.StructOf: duplicate field X_", Go's
// test/blank.go and test/cmp.go). No Go code can name a blank field, and
// fmt and reflect print it as _ again (kernel/fieldnames' BlankPrefix). An anonymous struct type may be
// spelled again by goconc from the type checker's view (see
// tagStructs): its fields are named only when it has two blank ones,
// which could not run at all.
func (g *gen) nameBlankFields() {
	n := 0
	declared := map[*ast.StructType]bool{}
	g.walk(func(node ast.Node) bool {
		if ts, ok := node.(*ast.TypeSpec); ok {
			if st, ok := ts.Type.(*ast.StructType); ok {
				declared[st] = true
			}
		}
		st, ok := node.(*ast.StructType)
		if !ok || st.Fields == nil {
			return true
		}
		var blanks []*ast.Ident
		for _, f := range st.Fields.List {
			for _, id := range f.Names {
				if id.Name == "_" {
					blanks = append(blanks, id)
				}
			}
		}
		if len(blanks) == 0 || len(blanks) == 1 && !declared[st] {
			return true
		}
		for _, id := range blanks {
			n++
			g.r.ReplaceRange(id.Pos(), id.End(), fieldnames.BlankPrefix+strconv.Itoa(n))
		}
		return true
	})
}
