// go/ast's node interfaces (Expr, Stmt, Decl) have unexported methods,
// which reflect does not list for the types implementing them: a cell
// that built a syntax tree by hand (&ast.BinaryExpr{X: &ast.BasicLit{...}},
// []ast.Expr{&ast.Ident{}}) was refused, "*ast.Ident does not implement
// ast.Expr (missing method exprNode)" (Go's test/fixedbugs/bug206.go).
package main

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"testing"
)

func main() {
	sum := &ast.BinaryExpr{
		X:  &ast.BasicLit{Kind: token.INT, Value: "40"},
		Op: token.ADD,
		Y:  &ast.CallExpr{Fun: ast.NewIdent("two")},
	}
	var e ast.Expr = sum
	list := []ast.Expr{&ast.Ident{Name: "x"}, e}
	stmt := &ast.ReturnStmt{Results: list[1:]}
	var s ast.Stmt = stmt
	fmt.Printf("%T %T %d\n", list[0], s, len(list))
	fset := token.NewFileSet()
	if err := format.Node(os.Stdout, fset, s); err != nil {
		fmt.Println(err)
	}
	fmt.Println()

	f, err := parser.ParseFile(fset, "x.go", "package p\nfunc f() int { return 1 + g(2) }\n", 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	calls := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			calls++
			c.Args = append(c.Args, &ast.BasicLit{Kind: token.STRING, Value: `"added"`})
		}
		return true
	})
	var decl ast.Decl = f.Decls[0]
	format.Node(os.Stdout, fset, decl)
	fmt.Println("\ncalls:", calls)
	var tb testing.TB = new(testing.T)
	fmt.Printf("%T\n", tb)
}
