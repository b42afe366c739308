package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// redeclareResults writes a short variable declaration that assigns a
// named result, besides declaring new variables, as declarations and an
// assignment:
//
//	func x() (s string) { a, b, s := f3(); ...; return }
//
// becomes
//
//	func x() (s string) { var a float32; var b int; a, b, s = f3(); ...; return }
//
// A notebook function is a function literal to Yaegi v0.16.1 (see
// emit.go), and there it declares a new s, which the bare return does not
// return (Go's test/decl.go).
func (g *gen) redeclareResults() {
	results := map[types.Object]bool{}
	for _, fd := range g.rewritable() {
		ast.Inspect(fd, func(n ast.Node) bool {
			var ft *ast.FuncType
			switch f := n.(type) {
			case *ast.FuncDecl:
				ft = f.Type
			case *ast.FuncLit:
				ft = f.Type
			}
			if ft != nil && ft.Results != nil {
				for _, field := range ft.Results.List {
					for _, name := range field.Names {
						results[g.c.info.Defs[name]] = true
					}
				}
			}
			return true
		})
	}
	if len(results) == 0 {
		return
	}
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			for _, s := range stmtList(n) {
				if as, ok := s.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
					g.redeclare(as, results)
				}
			}
			return true
		})
	}
}

func (g *gen) redeclare(as *ast.AssignStmt, results map[types.Object]bool) {
	reuses := false
	var decls []string
	for _, l := range as.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return
		}
		if obj := g.c.info.Defs[id]; obj != nil {
			typ, ok := g.localType(obj.Type())
			if !ok {
				return
			}
			decls = append(decls, fmt.Sprintf("var %s %s; ", id.Name, typ))
		} else if results[g.c.info.Uses[id]] {
			reuses = true
		}
	}
	if !reuses || len(as.Rhs) == 1 && recvOf(as.Rhs[0]) != nil {
		return
	}
	g.r.Replace(as, func() string {
		var lhs, rhs []string
		for _, l := range as.Lhs {
			lhs = append(lhs, g.r.Source(l))
		}
		for _, r := range as.Rhs {
			rhs = append(rhs, g.r.Source(r))
		}
		return strings.Join(decls, "") + strings.Join(lhs, ", ") + " = " + strings.Join(rhs, ", ")
	})
}
