package program

import (
	"go/ast"
	"go/types"
)

// renameBuiltinGlobals gives the interpreter the notebook's package-level
// variables, constants and functions named as a builtin (len, cap, new,
// make, append, min, max, true, nil, print...) under another name:
//
//	len := 3               __goconc_g_len = 3
//	t[i] = 2               if i < 0 || i >= len(t) { ... }; t[i] = 2
//
// The code the rules write calls the builtins by name (an index's check
// len(t), a zero value *new(T)), which a variable of the cell's top level
// hid: the interpreter said "too many arguments" for valid Go. The
// notebook keeps the name (later cells use it, a cell's variables are
// listed by it); only the interpreter's text is renamed, where each name
// is written (builtinGlobal). renamePredeclared renames the functions'
// own variables in their source instead.
func (g *gen) renameBuiltinGlobals() {
	scope := g.c.pkg.Scope()
	g.walk(func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || builtinGlobal(id.Name) == id.Name {
			return true
		}
		obj := g.c.info.Defs[id]
		if obj == nil {
			obj = g.c.info.Uses[id]
		}
		switch obj.(type) {
		case *types.Var, *types.Const, *types.Func:
			if obj.Parent() == scope {
				g.r.Rename(id, builtinGlobal(id.Name))
			}
		}
		return true
	})
}

// builtinGlobal returns the name the interpreter knows a package-level
// variable or constant named name by (renameBuiltinGlobals).
func builtinGlobal(name string) string {
	if name != "_" && types.Universe.Lookup(name) != nil {
		return "__goconc_g_" + name
	}
	return name
}
