package program

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// declaredFields passes the struct fields reflect gives the cell through
// hooks that describe them as the notebook declared them:
//
//	t.Field(i)             __goconc.TypeField(t, i)
//	t.FieldByIndex(x)      __goconc.DeclaredField(t.FieldByIndex(x))
//	t.FieldByName(name)    __goconc.FieldByName(t, name)
//	reflect.VisibleFields(t)  __goconc.VisibleFields(t)
//	t.Fields()             __goconc.TypeFields(t)
//	v.Field(i)             __goconc.ValueField(v, i)
//	v.FieldByName(name)    __goconc.ValueFieldByName(v, name)
//	v.FieldByIndex(x)      __goconc.ValueFieldByIndex(v, x)
//
// Yaegi builds the notebook's struct types with reflect.StructOf, which
// cannot make unexported fields, and goconc tags them (tagStructs): the
// field age of a person was Xage, exported, tagged json:"-" xml:"-", and
// t.FieldByName("age") found nothing; the first field's tag held the
// type's name. The hooks (kernel/fieldnames' DeclaredField) give back
// age, unexported (PkgPath "main"), with the tag the notebook wrote; and
// the field's reflect.Value is read-only, as Go's reflect makes the value
// of an unexported field: CanSet and CanInterface are false, and
// v.FieldByName("age") finds it. A field of one of the notebook's named
// types that are not structs has that type (a Celsius, not a float64),
// in t.Field(i) and v.Field(i) (kernel/namedvalues, registerFieldTypes).
func (g *gen) declaredFields() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		name := g.calleeName(call.Fun)
		if m := g.reflectTypeMethod(call.Fun); m != "" {
			name = "(reflect.Type)." + m
		}
		if hook, ok := valueFieldHooks[g.reflectValueMethod(call.Fun)]; ok && len(call.Args) == 1 {
			g.methodCallAsHook(call, hook)
			return true
		}
		switch name {
		case "(reflect.Type).Field":
			if len(call.Args) == 1 {
				g.methodCallAsHook(call, "TypeField")
				return false
			}
		case "(reflect.Type).FieldByIndex":
			g.r.Before(call, HooksName+".DeclaredField(")
			g.r.After(call, ")")
		case "reflect.VisibleFields":
			if len(call.Args) != 1 {
				return true
			}
			g.r.Replace(call, func() string { return HooksName + ".VisibleFields(" + g.r.Source(call.Args[0]) + ")" })
			return false
		case "(reflect.Type).Fields":
			if len(call.Args) == 0 {
				g.methodCallAsHook(call, "TypeFields")
				return false
			}
		case "(reflect.Type).FieldByName":
			if len(call.Args) != 1 {
				return true
			}
			g.methodCallAsHook(call, "FieldByName")
			return false
		case "reflect.Append":
			// (kernel/fieldnames' AppendValues: elements of one of the
			// notebook's interfaces.)
			if fn, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				g.r.Replace(fn, func() string { return HooksName + ".AppendValues" })
			}
		}
		return true
	})
}

// valueFieldHooks are the hooks of reflect.Value's methods that reach a
// field.
var valueFieldHooks = map[string]string{
	"Field": "ValueField", "FieldByName": "ValueFieldByName", "FieldByIndex": "ValueFieldByIndex",
}

// reflectTypeMethod returns the name of the method of reflect.Type that
// fun selects, or "".
func (g *gen) reflectTypeMethod(fun ast.Expr) string { return g.reflectMethodOf(fun, "Type") }

// reflectValueMethod returns the name of the method of reflect.Value
// that fun selects, or "".
func (g *gen) reflectValueMethod(fun ast.Expr) string { return g.reflectMethodOf(fun, "Value") }

// reflectMethodOf returns the name of the method of reflect's type
// typeName (or a pointer to it) that fun selects, or "".
func (g *gen) reflectMethodOf(fun ast.Expr, typeName string) string {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return ""
	}
	n, ok := types.Unalias(deref(s.Recv())).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "reflect" || n.Obj().Name() != typeName {
		return ""
	}
	return sel.Sel.Name
}

// registerFieldTypes writes, for each struct type gd declares with a field
// of one of the notebook's named types that are not structs (or made of
// them), the Go names of its fields' types, "" where reflect's is Go's:
//
//	__goconc.RegisterFieldTypes((*Reading)(nil), "", "main.Celsius")
func (g *gen) registerFieldTypes(gd *ast.GenDecl) string {
	var b strings.Builder
	for _, obj := range g.declaredTypes(gd) {
		n, ok := obj.Type().(*types.Named)
		if !ok || !g.hasMethodSet(n) || n.Obj().Parent() != g.c.pkg.Scope() {
			continue
		}
		st, ok := n.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		names, any := make([]string, st.NumFields()), false
		for i := range st.NumFields() {
			if t := st.Field(i).Type(); !isInterface(t) && g.mentionsNamed(t, 0) {
				names[i], any = strconv.Quote(g.goName(t)), true
			} else {
				names[i] = `""`
			}
		}
		if any {
			b.WriteString(HooksName + ".RegisterFieldTypes((*" + n.Obj().Name() + ")(nil), " + strings.Join(names, ", ") + ")\n")
		}
	}
	return b.String()
}
