package program

import (
	"go/ast"
	"go/types"
)

// templateMethods lets templates call the methods of the notebook's
// struct types: the template a cell executes is first handed to a hook,
//
//	t.Execute(w, data)    becomes    __goconc.TextTemplateMethods(t).Execute(w, data)
//
// (HTMLTemplateMethods for html/template's), which rewrites the chains of
// fields in its parse trees that name one of the notebook's methods into
// calls of a function that calls it (kernel/templatecalls): reflect sees
// no method of the interpreter's struct types (reflectmethods.go), and
// {{.FullName}} failed with "can't evaluate field FullName".
//
// The hook also has the template print the notebook's struct values as
// Go's fmt would, field names and %T (kernel/templatecalls' Printf).
//
// The error Execute returns goes through a hook too, which names the
// notebook's struct types as Go does (kernel/templatecalls' ExecError):
// "can't evaluate field Missing in type struct { ID int ... }" was Go's
// "... in type main.Order".
func (g *gen) templateMethods() {
	methods, structs := g.hasStructMethods(), g.hasStructTypes()
	if !methods && !structs {
		return
	}
	g.calls(func(call *ast.CallExpr, name string) {
		if name != "(*template.Template).Execute" && name != "(*template.Template).ExecuteTemplate" {
			return
		}
		if structs {
			g.r.Before(call, HooksName+".TemplateError(")
			g.r.After(call, ")")
		}
		sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		hook := "TextTemplateMethods"
		if fn, ok := g.c.info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "html/template" {
			hook = "HTMLTemplateMethods"
		}
		if amp, path := g.promotedReceiver(sel); path != "" {
			// A page embedding a *template.Template: the hook gets the
			// template (the path written here, not by selectEmbeddedInterfaces).
			g.r.Replace(sel, func() string {
				return HooksName + "." + hook + "(" + amp + g.r.Source(sel.X) + path + ")." + sel.Sel.Name
			})
			return
		}
		g.r.Before(sel.X, HooksName+"."+hook+"(")
		g.r.After(sel.X, ")")
	})
}

// hasStructMethods reports whether the notebook declares an exported
// method of a struct type whose methods reflect cannot see
// (hasMethodSet).
func (g *gen) hasStructMethods() bool {
	scope := g.c.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && g.hasMethodSet(n) && len(methodNames(types.NewMethodSet(types.NewPointer(n)))) > 0 {
			return true
		}
	}
	return false
}

// hasStructTypes reports whether the notebook declares a struct type with
// a field, whose type a template's error would spell.
func (g *gen) hasStructTypes() bool {
	for _, n := range g.packageTypes() {
		if st, ok := n.Underlying().(*types.Struct); ok && st.NumFields() > 0 {
			return true
		}
	}
	return false
}
