package importer

import (
	"go/ast"
	"go/parser"
	"go/types"
	"reflect"
	"strings"
)

// Reflect knows byte as uint8, rune as int32 and any as interface {}, and
// no parameter's name, so the types the importer makes of it said uint8
// where their packages wrote byte, and go/types' messages said "cannot
// use "x" (untyped string constant) as uint8 value in argument to
// bytes.IndexByte" where go build says "as byte value", "want (string,
// ...interface{})" for "want (string, ...any)", and "value of type
// func(string) string" for "func(s string) string". SetSpellings gives
// the importer the types as their packages declare them (for the standard
// library, kernel/symbols/std's generated Spellings), and the types it
// makes write byte, rune, any and the names there. They are the same
// types: go/types' byte is uint8, rune int32, and any an alias.

// SetSpellings gives im the declared types of the table's functions,
// methods, variables, constants and fields that write byte, rune or any,
// or name parameters, by "import/path.Name" and "import/path.Type.Name",
// as Go source ("func(b []byte, c byte) int"), or "untyped rune" for an
// untyped constant.
func (im *Importer) SetSpellings(spellings map[string]string) {
	im.mu.Lock()
	defer im.mu.Unlock()
	im.spellings = spellings
}

// spelled returns t as the declaration key spells it, if it does.
func (im *Importer) spelled(key string, t types.Type) types.Type {
	text, ok := im.spellings[key]
	if !ok {
		return t
	}
	if text == "untyped rune" {
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedInt {
			return types.Typ[types.UntypedRune]
		}
		return t
	}
	expr, err := parser.ParseExpr(text)
	if err != nil {
		return t
	}
	// The path ends at the first dot after its last slash.
	slash := strings.LastIndexByte(key, '/')
	path := key[:slash+1+strings.IndexByte(key[slash+1:], '.')]
	return speller{im, path}.respell(t, expr)
}

// methodSpelled returns sig, the signature of the method name of the
// named type t, as t's package, or that of an embedded type promoting it,
// spells it.
func (im *Importer) methodSpelled(t reflect.Type, name string, sig *types.Signature) *types.Signature {
	for range 8 { // (the depth of embedding followed)
		key := t.PkgPath() + "." + t.Name() + "." + name
		if _, ok := im.spellings[key]; ok {
			s, _ := im.spelled(key, sig).(*types.Signature)
			if s == nil {
				return sig
			}
			return s
		}
		next := promoter(t, name)
		if next == nil {
			return sig
		}
		t = next
	}
	return sig
}

// promoter returns the named type of the field of struct type t that
// promotes method name to it, nil if none does.
func promoter(t reflect.Type, name string) reflect.Type {
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous {
			continue
		}
		ft := f.Type
		if _, ok := ft.MethodByName(name); !ok {
			if _, ok := reflect.PointerTo(ft).MethodByName(name); !ok {
				continue
			}
		}
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Name() != "" {
			return ft
		}
	}
	return nil
}

// The predeclared byte, rune and any: types.Typ[types.Byte] is uint8's.
var (
	universeByte = types.Universe.Lookup("byte").Type()
	universeRune = types.Universe.Lookup("rune").Type()
	universeAny  = types.Universe.Lookup("any").Type()
)

// A speller respells the types of package path's declarations.
type speller struct {
	im   *Importer
	path string
}

// respell returns t with byte where expr, its declaration, writes byte
// and t has uint8, rune where it writes rune, any where it writes any,
// the package's alias of another's type where it names one (os.FileMode,
// which is fs.FileMode), and the type arguments of an instance respelled
// (iter.Seq[[]byte]); t itself where the two differ in shape.
func (sp speller) respell(t types.Type, expr ast.Expr) types.Type {
	expr = ast.Unparen(expr)
	switch e := expr.(type) {
	case *ast.Ident:
		if i, ok := t.(*types.Interface); ok && e.Name == "any" && i.Empty() {
			return universeAny
		}
		if b, ok := t.(*types.Basic); ok {
			switch {
			case e.Name == "byte" && b.Kind() == types.Uint8:
				return universeByte
			case e.Name == "rune" && b.Kind() == types.Int32:
				return universeRune
			}
		}
		if a := sp.im.alias(sp.path, e.Name); a != nil && types.Identical(a, t) {
			return a
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		indices := []ast.Expr{}
		if e, ok := e.(*ast.IndexExpr); ok {
			indices = append(indices, e.Index)
		}
		if e, ok := e.(*ast.IndexListExpr); ok {
			indices = e.Indices
		}
		if n, ok := t.(*types.Named); ok && n.TypeArgs().Len() == len(indices) {
			args := make([]types.Type, len(indices))
			for i := range args {
				args[i] = sp.respell(n.TypeArgs().At(i), indices[i])
			}
			if inst, err := types.Instantiate(nil, n.Origin(), args, false); err == nil {
				return inst
			}
		}
	case *ast.ArrayType:
		switch t := t.(type) {
		case *types.Slice:
			if e.Len == nil {
				return types.NewSlice(sp.respell(t.Elem(), e.Elt))
			}
		case *types.Array:
			if e.Len != nil {
				return types.NewArray(sp.respell(t.Elem(), e.Elt), t.Len())
			}
		}
	case *ast.Ellipsis: // a variadic parameter's ...T
		if t, ok := t.(*types.Slice); ok {
			return types.NewSlice(sp.respell(t.Elem(), e.Elt))
		}
	case *ast.StarExpr:
		if t, ok := t.(*types.Pointer); ok {
			return types.NewPointer(sp.respell(t.Elem(), e.X))
		}
	case *ast.MapType:
		if t, ok := t.(*types.Map); ok {
			return types.NewMap(sp.respell(t.Key(), e.Key), sp.respell(t.Elem(), e.Value))
		}
	case *ast.ChanType:
		if t, ok := t.(*types.Chan); ok {
			return types.NewChan(t.Dir(), sp.respell(t.Elem(), e.Value))
		}
	case *ast.FuncType:
		if t, ok := t.(*types.Signature); ok {
			params, ok1 := sp.respellTuple(t.Params(), e.Params)
			results, ok2 := sp.respellTuple(t.Results(), e.Results)
			if ok1 && ok2 {
				return types.NewSignatureType(t.Recv(), nil, nil, params, results, t.Variadic())
			}
		}
	case *ast.StructType:
		if t, ok := t.(*types.Struct); ok {
			exprs := fieldTypes(e.Fields)
			if len(exprs) != t.NumFields() {
				return t
			}
			return sp.respellStruct(t, exprs)
		}
	}
	return t
}

// respellTuple is respell of a parameter list, which gets the names it
// declares (go build's messages write func(s string) string).
func (sp speller) respellTuple(t *types.Tuple, fl *ast.FieldList) (*types.Tuple, bool) {
	exprs, names := fieldTypes(fl), fieldNames(fl)
	if len(exprs) != t.Len() {
		return t, false
	}
	vars := make([]*types.Var, t.Len())
	for i := range vars {
		v := t.At(i)
		vars[i] = types.NewParam(v.Pos(), v.Pkg(), names[i], sp.respell(v.Type(), exprs[i]))
	}
	return types.NewTuple(vars...), true
}

// fieldNames returns the name of each name of fl, "" for a field without
// one.
func fieldNames(fl *ast.FieldList) []string {
	var out []string
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		if len(f.Names) == 0 {
			out = append(out, "")
		}
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// respellStruct is respell of a struct type's fields.
func (sp speller) respellStruct(t *types.Struct, exprs []ast.Expr) *types.Struct {
	fields := make([]*types.Var, t.NumFields())
	tags := make([]string, t.NumFields())
	for i := range fields {
		f := t.Field(i)
		fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), sp.respell(f.Type(), exprs[i]), f.Embedded())
		tags[i] = t.Tag(i)
	}
	return types.NewStruct(fields, tags)
}

// fieldTypes returns the type of each name of fl (of each field without
// one).
func fieldTypes(fl *ast.FieldList) []ast.Expr {
	var out []ast.Expr
	if fl == nil {
		return out
	}
	for _, f := range fl.List {
		for range max(len(f.Names), 1) {
			out = append(out, f.Type)
		}
	}
	return out
}
