package program

import (
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// spellDefinedStructs writes out the struct of a type defined from one of
// the notebook's struct types, with the tags tagStructs gives a declared
// struct:
//
//	type Employee Person
//
// becomes
//
//	type Employee struct{ Name string `goconc:"Employee"`; age int `json:"-" xml:"-"` }
//
// The interpreter made one reflect type of the two, so an Employee was a
// Person to assertions, type switches and %T, and the idiom that drops a
// type's MarshalJSON (type Alias Event, inside Event's MarshalJSON) called
// MarshalJSON again, without end: the evaluator died of a stack overflow.
// Both declare the same underlying type, and neither has the other's
// methods. A struct embedding an interface (which forwarders.go names) is
// left as it was.
func (g *gen) spellDefinedStructs() {
	g.walk(func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Assign.IsValid() || ts.TypeParams != nil || ts.Name.Name == "_" {
			return true
		}
		id, ok := ast.Unparen(ts.Type).(*ast.Ident)
		if !ok {
			return true
		}
		from, ok := g.c.info.Uses[id].(*types.TypeName)
		if !ok || from.Pkg() != g.c.pkg {
			return true
		}
		named, ok := types.Unalias(from.Type()).(*types.Named)
		if !ok || named.TypeArgs().Len() > 0 {
			return true
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok || st.NumFields() == 0 {
			return true
		}
		var fields []string
		for i := range st.NumFields() {
			f := st.Field(i)
			// (a field of a type another package does not export, as in a
			// struct defined from a compiled one: compileddefined.go)
			typ, ok := g.layoutSpelling(f.Type(), "", nil)
			if !ok {
				return true
			}
			embedded := ""
			switch {
			case f.Embedded() && isInterface(f.Type()):
				return true
			case f.Embedded() && embedsStruct(f.Type()):
				embedded = embeddedStruct
			}
			name := ""
			if i == 0 {
				name = ts.Name.Name
			}
			field := typ
			if !f.Embedded() {
				field = f.Name() + " " + typ
			}
			tag := fieldTag(reflect.StructTag(st.Tag(i)), !f.Embedded() && !f.Exported(), name, embedded)
			fields = append(fields, field+" "+strconv.Quote(tag))
		}
		text := "struct{ " + strings.Join(fields, "; ") + " }"
		g.r.Replace(ts.Type, func() string { return text })
		return true
	})
}
