package program

import (
	"go/ast"
	"go/types"
)

// declaredFields passes the struct fields reflect gives the cell through
// hooks that describe them as the notebook declared them:
//
//	t.Field(i)             __goconc.DeclaredField(t.Field(i))
//	t.FieldByIndex(x)      __goconc.DeclaredField(t.FieldByIndex(x))
//	t.FieldByName(name)    __goconc.FieldByName(t, name)
//	reflect.VisibleFields(t)  __goconc.DeclaredFields(reflect.VisibleFields(t))
//	t.Fields()             __goconc.DeclaredFieldSeq(t.Fields())
//
// Yaegi builds the notebook's struct types with reflect.StructOf, which
// cannot make unexported fields, and goconc tags them (tagStructs): the
// field age of a person was Xage, exported, tagged json:"-" xml:"-", and
// t.FieldByName("age") found nothing; the first field's tag held the
// type's name. The hooks (kernel/fieldnames' DeclaredField) give back
// age, unexported (PkgPath "main"), with the tag the notebook wrote.
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
		switch name {
		case "(reflect.Type).Field", "(reflect.Type).FieldByIndex":
			g.r.Before(call, HooksName+".DeclaredField(")
			g.r.After(call, ")")
		case "reflect.VisibleFields":
			g.r.Before(call, HooksName+".DeclaredFields(")
			g.r.After(call, ")")
		case "(reflect.Type).Fields":
			g.r.Before(call, HooksName+".DeclaredFieldSeq(")
			g.r.After(call, ")")
		case "(reflect.Type).FieldByName":
			if len(call.Args) != 1 {
				return true
			}
			recv := ast.Unparen(call.Fun).(*ast.SelectorExpr).X
			g.r.Replace(call, func() string {
				return HooksName + ".FieldByName(" + g.r.Source(recv) + ", " + g.r.Source(call.Args[0]) + ")"
			})
			return false
		}
		return true
	})
}

// reflectTypeMethod returns the name of the method of reflect.Type that
// fun selects, or "".
func (g *gen) reflectTypeMethod(fun ast.Expr) string {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return ""
	}
	n, ok := types.Unalias(s.Recv()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "reflect" || n.Obj().Name() != "Type" {
		return ""
	}
	return sel.Sel.Name
}
