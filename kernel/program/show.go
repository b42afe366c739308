package program

import (
	"go/ast"
	"go/types"
)

// ignoredResults are functions whose results a program conventionally
// drops: a cell ending with fmt.Println(x) shows the output, not "13 <nil>".
var ignoredResults = map[string]bool{
	"fmt.Print": true, "fmt.Println": true, "fmt.Printf": true,
	"fmt.Fprint": true, "fmt.Fprintln": true, "fmt.Fprintf": true,
	"io.WriteString": true, "io.Copy": true, "io.CopyN": true,
	"log.Print": true, "log.Println": true, "log.Printf": true,
	"Display": true,
}

// ignoredMethods are method names whose results are conventionally dropped.
var ignoredMethods = map[string]bool{
	"Write": true, "WriteString": true, "WriteByte": true, "WriteRune": true, "WriteTo": true,
	"Printf": true, "Println": true, "Print": true, "Close": true,
}

// trailingShow wraps the cell's last statement, if it is an expression with
// a value worth showing, so that the value is shown as the cell's result.
func (g *gen) trailingShow() bool {
	var last *segment
	for _, s := range g.c.a.segs {
		if s.kind == segStmt {
			last = s
		}
	}
	if last == nil || last.node == nil {
		return false
	}
	es, ok := last.node.(*ast.ExprStmt)
	if !ok || g.c.offset(es.End()) < last.end-1 {
		return false
	}
	tv, ok := g.c.info.Types[es.X]
	if !ok || tv.IsVoid() || tv.Type == nil {
		return false
	}
	if st, ok := tv.Type.Underlying().(*types.Struct); ok && st.NumFields() == 0 {
		return false // <-done and friends
	}
	if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && g.ignored(call) {
		return false
	}
	g.shown = es
	return true
}

// wrapShown makes the statement trailingShow chose show its value. It runs
// after the other rewrites, so that text they put before the statement
// comes before the call to Show.
func (g *gen) wrapShown() {
	if g.shown != nil {
		g.r.Before(g.shown.X, HooksName+".Show(")
		g.r.After(g.shown.X, ")")
	}
}

func (g *gen) ignored(call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return ignoredResults[fun.Name]
	case *ast.SelectorExpr:
		if sel := g.c.info.Selections[fun]; sel != nil {
			return ignoredMethods[fun.Sel.Name]
		}
		if f, ok := g.c.info.Uses[fun.Sel].(*types.Func); ok && f.Pkg() != nil {
			return ignoredResults[f.Pkg().Name()+"."+f.Name()]
		}
	}
	return false
}
