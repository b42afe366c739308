package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Yaegi v0.16.1 gets type switches wrong where a type assertion is right:
// `case error:` misses an error made by compiled code (errors.New). Type
// switches with a case of a standard interface (and none of the notebook's
// own interfaces, to which Yaegi's assertions fail) become switches over
// assertions:
//
//	switch y := x.(type) { case A: b1; case B, C: b2; case nil: b3; default: b4 }
//
// becomes
//
//	{ __x := x; switch {
//	  case func() bool { _, ok := __x.(A); return ok }(): y := __x.(A); b1
//	  case <B> || <C>: y := __x; b2
//	  case __x == nil: y := __x; b3
//	  default: y := __x; b4 } }
//
// Cases are tried in order, as in Go; y has the case's type in a
// single-type case and x's type otherwise.
func (g *gen) typeSwitches() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		if x, ok := n.(*ast.TypeSwitchStmt); ok {
			g.typeSwitch(x, label)
		}
		return true
	})
}

func (g *gen) typeSwitch(ts *ast.TypeSwitchStmt, label *ast.LabeledStmt) {
	var bound string // the y of y := x.(type)
	var subject ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bound = a.Lhs[0].(*ast.Ident).Name
		subject = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		subject = a.X.(*ast.TypeAssertExpr).X
	default:
		return
	}
	// Yaegi's own switch handles the notebook's interfaces (and its
	// assertions to them fail); the rewrite is for the standard ones.
	compiledIface, notebookIface := false, false
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			typ := g.c.info.TypeOf(t)
			if typ == nil || !types.IsInterface(typ) {
				continue
			}
			if n, ok := types.Unalias(typ).(*types.Named); ok && n.Obj().Pkg() == g.c.pkg {
				notebookIface = true
			} else {
				compiledIface = true
			}
		}
	}
	if !compiledIface || notebookIface {
		return
	}
	var node ast.Node = ts
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	g.r.Replace(node, func() string {
		x := g.r.Temp("x")
		var b strings.Builder
		b.WriteString("{ ")
		if ts.Init != nil {
			b.WriteString(g.r.Source(ts.Init) + "; ")
		}
		fmt.Fprintf(&b, "%s := %s; _ = %s; %sswitch {\n", x, g.r.Source(subject), x, labelText)
		for _, st := range ts.Body.List {
			cc := st.(*ast.CaseClause)
			if cc.List == nil {
				b.WriteString("default:")
			} else {
				var conds []string
				for _, t := range cc.List {
					if id, ok := t.(*ast.Ident); ok && id.Name == "nil" && g.c.info.Types[t].IsNil() {
						conds = append(conds, x+" == nil")
						continue
					}
					conds = append(conds, fmt.Sprintf("func() bool { _, ok := %s.(%s); return ok }()", x, g.r.Source(t)))
				}
				b.WriteString("case " + strings.Join(conds, " || ") + ":")
			}
			if bound != "" {
				value := x
				if len(cc.List) == 1 && !g.c.info.Types[cc.List[0]].IsNil() {
					value = x + ".(" + g.r.Source(cc.List[0]) + ")"
				}
				fmt.Fprintf(&b, " %s := %s; _ = %s", bound, value, bound)
			}
			b.WriteString("\n")
			if len(cc.Body) > 0 {
				b.WriteString(g.r.SourceRange(cc.Body[0].Pos(), cc.Body[len(cc.Body)-1].End()) + "\n")
			}
		}
		b.WriteString("} }")
		return b.String()
	})
}
