package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// assignPackageVars makes assignments to a compiled package's variables
// go through their address:
//
//	runtime.MemProfileRate = 0    *(&runtime.MemProfileRate) = 0
//	os.Args = []string{"p", "-n", "3"}    *(&os.Args) = ...
//	flagCount++                   (a notebook variable: left alone)
//
// Yaegi v0.16.1 takes a standard package's variable of a boolean, numeric
// or string type for a constant when it is assigned to ("cannot assign to
// 524288 (int constant)", Go's test/chan/select2.go), and an assignment to
// one of another type went nowhere: os.Args kept its value, so a notebook
// that set the program's arguments for flag.Parse had none. The symbol
// tables hold the variable itself: through its address the assignment
// reaches it.
func (g *gen) assignPackageVars() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if s, ok := n.(ast.Stmt); ok && g.addressed[s] {
			return true // assigned through its address already
		}
		switch s := n.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE {
				return true
			}
			for _, lhs := range s.Lhs {
				g.throughAddress(lhs)
			}
		case *ast.IncDecStmt:
			g.throughAddress(s.X)
		}
		return true
	})
}

// throughAddress rewrites e to *(&e) when it names a variable of another
// package.
func (g *gen) throughAddress(e ast.Expr) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return
	}
	if _, ok := g.c.info.Uses[id].(*types.PkgName); !ok {
		return
	}
	if _, ok := g.c.info.Uses[sel.Sel].(*types.Var); !ok {
		return
	}
	g.r.Before(sel, "*(&")
	g.r.After(sel, ")")
}
