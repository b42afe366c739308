package program

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func TestGCWording(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"cannot use (func(r int) int literal) (value of type func(r int) int) as func(rune) rune value in argument to strings.Map",
			"cannot use func(r int) int {…} (value of type func(r int) int) as func(rune) rune value in argument to strings.Map"},
		{"(func() literal) (value of type func()) is not used", "func() {…} (value of type func()) is not used"},
		{"cannot use (func(f func(int) (string, error)) (x int) literal) and (func() literal)", "cannot use func(f func(int) (string, error)) (x int) {…} and func() {…}"},
		{"no literal here (func(x) and f(", "no literal here (func(x) and f("},
		{"x (variable of type func())", "x (variable of type func())"},
		{"break not in for, switch, or select statement", "break is not in a loop, switch, or select"},
		{"continue not in for statement", "continue is not in a loop"},
		{"label L declared and not used", "label L defined and not used"},
		{"label M not declared", "label M not defined"},
		{"label M not declared and more", "label M not declared and more"},
	} {
		if got := gcWording(tc.in); got != tc.want {
			t.Errorf("gcWording(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestGCPosition(t *testing.T) {
	src := "package p\nfunc f(a, b int) {}\nfunc g() {\n\tf(1)\n\tf()\n\tf(1, 2, 3)\n\t_ = z()\n\tn(\"s\"[:])\n\tc := make(<-chan int)\n\tc <- 1\n}\nfunc z[T any]() (t T) { return }\nfunc n[T int](T) {}\n"
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	conf := types.Config{Error: func(err error) {
		te := err.(types.Error)
		got = append(got, fmt.Sprintf("%s %s", fset.Position(gcPosition(file, te)), strings.SplitN(te.Msg, "\n", 2)[0]))
	}}
	conf.Check("p", fset, []*ast.File{file}, nil)
	want := []string{
		"p.go:4:4 not enough arguments in call to f",                                                                  // (the last argument)
		"p.go:5:2 not enough arguments in call to f",                                                                  // (the call)
		"p.go:6:10 too many arguments in call to f",                                                                   // (go/types' place, as go build's)
		"p.go:7:7 in call to z, cannot infer T (declared at p.go:12:8)",                                               // (the opening parenthesis)
		"p.go:8:3 in call to n, T (type string) does not satisfy int",                                                 // (the opening parenthesis)
		"p.go:10:2 invalid operation: cannot send to receive-only channel <-chan int c (variable of type <-chan int)", // (the channel)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestGCContinued(t *testing.T) {
	p := token.Position{Filename: "[2]", Line: 3, Column: 2}
	for _, tc := range []struct{ msg, cont, want string }{
		{"x redeclared in this block", "\tother declaration of x", "x redeclared in this block\n\t[2]:3:2: other declaration of x"},
		{"label L already declared", "\tother declaration of L", "label L already defined at [2]:3:2"},
	} {
		if got := gcContinued(tc.msg, tc.cont, p); got != tc.want {
			t.Errorf("gcContinued(%q, %q) = %q, want %q", tc.msg, tc.cont, got, tc.want)
		}
	}
}
